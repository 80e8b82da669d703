import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: `${root}eslint.config.js` });

/** The layer rule's messages for `code` linted as if it were the file at `filePath`. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: `${root}${filePath}` });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules (eslint.config.js)', { timeout: 60_000 }, () => {
  it('refuses a database driver outside electron/adapters/, even in a new migration file', async () => {
    expect(await layerErrors('electron/migration/new-file.ts', "import 'mongodb';")).toEqual([expect.stringContaining('Only electron/adapters/')]);
    expect(await layerErrors('electron/api/new-file.ts', "import '@aws-sdk/lib-dynamodb';")).toHaveLength(1);
    expect(await layerErrors('electron/adapters/mongodb/new-file.ts', "import 'mongodb';")).toEqual([]);
  });

  it('lets the listed engine files keep their driver imports, and no engine file on the ports', async () => {
    expect(await layerErrors('electron/migration/plan-migration.ts', "import '@aws-sdk/client-dynamodb';")).toEqual([]);
    expect(await layerErrors('electron/migration/plan-migration.ts', "import '../api/create-api';")).toHaveLength(1);
    for (const file of ['copy-collection', 'migration-job', 'verify-migration', 'fix-rules', 'conversion-rules']) {
      expect(await layerErrors(`electron/migration/${file}.ts`, "import 'mongodb';"), file).toHaveLength(1);
    }
  });

  it('refuses electron/api/ and electron/transports/ in electron/migration/', async () => {
    expect(await layerErrors('electron/migration/new-file.ts', "import '../api/create-api';")).toEqual([expect.stringContaining('migration engine')]);
    expect(await layerErrors('electron/migration/new-file.ts', "import '../transports/web';")).toHaveLength(1);
    expect(await layerErrors('electron/migration/new-file.ts', "import '../adapters/wire-value';")).toEqual([]);
  });

  it('refuses Node-only modules and upward imports in shared/', async () => {
    for (const code of ["import 'node:fs';", "import 'path';", "import 'fs/promises';", "import '../electron/api/create-api';", "import '../renderer/src/main';"]) {
      expect(await layerErrors('shared/new-file.ts', code), code).toHaveLength(1);
    }
    expect(await layerErrors('shared/new-file.ts', "import 'zod';")).toEqual([]);
  });

  it('refuses the renderer anything outside renderer/ and shared/ but browser packages', async () => {
    for (const code of ["import '../../../../electron/api/create-api';", "import 'node:path';", "import 'electron';", "import 'mongodb';"]) {
      expect(await layerErrors('renderer/src/pages/browse/new-file.tsx', code), code).toHaveLength(1);
    }
    for (const code of ["import '../../../../shared/contract';", "import '../../components/Button';", "import 'bson';", "import 'react';"]) {
      expect(await layerErrors('renderer/src/pages/browse/new-file.tsx', code), code).toEqual([]);
    }
  });

  it('exempts tests, bench, scripts and e2e', async () => {
    for (const file of ['electron/migration/new-file.test.ts', 'bench/new-file.ts', 'scripts/new-file.ts', 'test/new-file.ts', 'e2e/new-file.spec.ts']) {
      expect(await layerErrors(file, "import 'mongodb';"), file).toEqual([]);
    }
  });
});
