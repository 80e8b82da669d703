import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { awsCliCommand, mongoshLine, sdkJavaScript, shellQuote } from './copy-as-code';
import type { PlannedDynamoRead } from './planned-read';

const query: PlannedDynamoRead = {
  backend: 'dynamodb', operation: 'Query', limit: 100, notes: [],
  params: {
    TableName: 'AlertWhisperer_alerts', IndexName: 'company-timestamp-index',
    KeyConditionExpression: '#n0 = :v0 AND #n1 >= :v1', FilterExpression: '#n2 = :v2',
    ExpressionAttributeNames: { '#n0': 'company_id', '#n1': 'timestamp', '#n2': 'severity' },
    ExpressionAttributeValues: { ':v0': "o'neil-co", ':v1': '2024-06-01', ':v2': 'critical' },
    ScanIndexForward: false,
  },
};

/** Parses the generated module the way a bundler would; returns the syntax errors. */
function syntaxErrors(code: string): string[] {
  const out = ts.transpileModule(code, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  return (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('AWS CLI', () => {
  it('names the table, index, expressions and values in AttributeValue form, quoted for the shell', () => {
    expect(awsCliCommand(query, { region: 'eu-west-1', endpoint: 'http://127.0.0.1:8000' })).toBe(
      "aws dynamodb query --table-name AlertWhisperer_alerts --index-name company-timestamp-index " +
      "--key-condition-expression '#n0 = :v0 AND #n1 >= :v1' --filter-expression '#n2 = :v2' " +
      `--expression-attribute-names '{"#n0":"company_id","#n1":"timestamp","#n2":"severity"}' ` +
      `--expression-attribute-values '{":v0":{"S":"o'\\''neil-co"},":v1":{"S":"2024-06-01"},":v2":{"S":"critical"}}' ` +
      '--no-scan-index-forward --max-items 100 --region eu-west-1 --endpoint-url http://127.0.0.1:8000',
    );
  });

  it('writes a GetItem as get-item with its key, and a Scan without paging when the console sorts in memory', () => {
    expect(awsCliCommand({ backend: 'dynamodb', operation: 'GetItem', params: { TableName: 't', Key: { id: 'a 1' } }, notes: [] }))
      .toBe(`aws dynamodb get-item --table-name t --key '{"id":{"S":"a 1"}}'`);
    expect(awsCliCommand({ backend: 'dynamodb', operation: 'Scan', params: { TableName: 't' }, limit: 50, sortInMemory: [['timestamp', -1]], notes: [] }))
      .toBe('aws dynamodb scan --table-name t');
  });

  it('quotes shell words only when they need it', () => {
    expect(shellQuote('AlertWhisperer_alerts')).toBe('AlertWhisperer_alerts');
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });
});

describe('SDK JavaScript', () => {
  it('is a module that parses and sends the planned parameters with the document client', () => {
    const code = sdkJavaScript(query, { region: 'eu-west-1' });
    expect(syntaxErrors(code)).toEqual([]);
    expect(code).toContain("import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';");
    const literal = code.slice(code.indexOf('new QueryCommand(') + 'new QueryCommand('.length, code.lastIndexOf('}));') + 1);
    expect(JSON.parse(literal)).toEqual(query.params);
  });

  it('still parses with an in-memory sort note, and says so for a filter that matches nothing', () => {
    expect(syntaxErrors(sdkJavaScript({ ...query, sortInMemory: [['message', 1]] }))).toEqual([]);
    expect(sdkJavaScript({ backend: 'dynamodb', operation: 'None', params: {}, notes: [] })).toMatch(/^\/\/ The filter can match nothing/);
  });
});

describe('mongosh', () => {
  it('writes find, projection, sort and limit', () => {
    expect(mongoshLine({ backend: 'mongodb', collection: 'alerts', filter: { status: 'active', priority: { $gte: 3 } }, projection: { message: 1 }, sort: [['timestamp', -1]], limit: 100 }))
      .toBe('db.alerts.find({"status":"active","priority":{"$gte":3}}, {"message":1}).sort({"timestamp":-1}).limit(100)');
  });

  it('uses getCollection for a name that is not an identifier', () => {
    expect(mongoshLine({ backend: 'mongodb', collection: 'odd-name', filter: {} })).toBe('db.getCollection("odd-name").find({})');
  });
});
