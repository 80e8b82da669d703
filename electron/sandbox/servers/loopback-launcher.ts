import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * DynamoDB Local has no option for its listening address: it builds Jetty's `Server(port)`,
 * which listens on every interface. This launcher (run by `java` as a single source file, no
 * compiler step) builds the server exactly as the jar's own main does, sets the connector's
 * host to loopback before it starts, and only then starts it. If a later jar renames the field,
 * the launcher fails and the sandbox reports it: it never falls back to listening everywhere.
 */
const SOURCE = `
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

public class LoopbackDynamoDBLocal {
  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    for (Connector connector : server.getConnectors()) ((ServerConnector) connector).setHost("127.0.0.1");
    proxy.start();
  }
}
`;

/** Writes the launcher into `dir`; returns the `java` arguments that run it with the jar's classes. */
export function loopbackLauncherArgs(dir: string): string[] {
  const file = join(dir, 'LoopbackDynamoDBLocal.java');
  writeFileSync(file, SOURCE);
  // The jar's manifest lists DynamoDBLocal_lib/*: on the class path, the jar brings its libraries.
  return ['-cp', 'DynamoDBLocal.jar', file];
}
