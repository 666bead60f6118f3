import { describe, expect, it } from 'vitest';
import { loadLogSettings } from './log-settings.js';

describe('loadLogSettings', () => {
  it('defaults to level info and the format chosen by the terminal', () => {
    expect(loadLogSettings({})).toEqual({ format: undefined, level: 'info' });
    expect(loadLogSettings({ MAILPAT_LOG_FORMAT: '', MAILPAT_LOG_LEVEL: '' })).toEqual({
      format: undefined,
      level: 'info',
    });
  });

  it('reads the format and the level', () => {
    const env = { MAILPAT_LOG_FORMAT: 'pretty', MAILPAT_LOG_LEVEL: 'debug' };
    expect(loadLogSettings(env)).toEqual({ format: 'pretty', level: 'debug' });
  });

  it.each([
    ['MAILPAT_LOG_LEVEL', 'verbose'],
    ['MAILPAT_LOG_LEVEL', 'INFO'],
    ['MAILPAT_LOG_FORMAT', 'xml'],
  ])('refuses %s=%s, naming the variable and the choices', (name, value) => {
    expect(() => loadLogSettings({ [name]: value })).toThrow(
      new RegExp(`^${name} must be one of .*, not "${value}"$`),
    );
  });
});
