/**
 * Reads what a Dockerfile's final stage gives the container (user, environment, volumes, entry
 * point, command, health check), as `docker inspect` would show it, without a Docker daemon.
 * @module
 */
import { DockerfileParser } from 'dockerfile-ast';

/** The final stage's runtime configuration; exec-form (JSON) instructions only. */
export interface ImageConfig {
  stageCount: number;
  user: string | undefined;
  env: Record<string, string>;
  volumes: string[];
  stopSignal: string | undefined;
  entrypoint: string[];
  cmd: string[];
  healthcheck: { flags: Record<string, string>; test: string[] } | undefined;
}

/** Parses `content`; throws when an instruction the container depends on is not in exec form. */
export function readImageConfig(content: string): ImageConfig {
  const dockerfile = DockerfileParser.parse(content);
  const froms = dockerfile.getFROMs();
  const lastFrom = froms.at(-1)!.getRange().start.line;
  const stage = dockerfile
    .getInstructions()
    .filter((instruction) => instruction.getRange().start.line >= lastFrom);
  const last = (keyword: string) =>
    stage
      .filter((instruction) => instruction.getKeyword() === keyword)
      .at(-1)
      ?.getArgumentsContent();
  const config: ImageConfig = {
    stageCount: froms.length,
    user: last('USER') ?? undefined,
    env: {},
    volumes: [],
    stopSignal: last('STOPSIGNAL') ?? undefined,
    entrypoint: execForm('ENTRYPOINT', last('ENTRYPOINT')),
    cmd: execForm('CMD', last('CMD')),
    healthcheck: undefined,
  };
  for (const instruction of stage) {
    const content = instruction.getArgumentsContent() ?? '';
    if (instruction.getKeyword() === 'ENV') {
      const [name, ...value] = content.split('=');
      config.env[name!] = value.join('=');
    }
    if (instruction.getKeyword() === 'VOLUME') config.volumes.push(...execForm('VOLUME', content));
  }
  const healthcheck = last('HEALTHCHECK');
  if (healthcheck) config.healthcheck = readHealthcheck(healthcheck);
  return config;
}

/** `--interval=30s ... CMD ["node", ...]`: the flags and the exec-form command. */
function readHealthcheck(content: string): ImageConfig['healthcheck'] {
  const flags: Record<string, string> = {};
  let rest = content.trim();
  for (
    let flag = /^--([a-z-]+)=(\S+)\s+/.exec(rest);
    flag;
    flag = /^--([a-z-]+)=(\S+)\s+/.exec(rest)
  ) {
    flags[flag[1]!] = flag[2]!;
    rest = rest.slice(flag[0].length);
  }
  if (!rest.startsWith('CMD ')) throw new Error(`HEALTHCHECK is not CMD [...]: ${content}`);
  return { flags, test: execForm('HEALTHCHECK', rest.slice('CMD '.length)) };
}

function execForm(keyword: string, content: string | null | undefined): string[] {
  if (content === undefined || content === null) return [];
  const parsed: unknown = JSON.parse(content);
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === 'string')) {
    throw new Error(`${keyword} is not in exec form: ${content}`);
  }
  return parsed as string[];
}
