/**
 * A lowdb adapter of validated data over an adapter of text, as lowdb's
 * `DataFile` layers parse and stringify over its `TextFile`: here reading also
 * validates, and writing is canonical JSON (pretty-printed, stable key order,
 * so a project kept in git gives readable diffs).
 *
 * Reading a file that does not parse or does not validate throws a
 * {@link CorruptFileError} naming the file (a file the disk will not give, for
 * its permissions or an I/O error, a DiskError saying so); the adapter never writes on a read,
 * so such a file is left untouched. Under it: `DurableTextFile` on disk,
 * lowdb's `Memory` in tests.
 */
import type { Adapter } from 'lowdb';
import { canonicalJson } from '../../shared/model/canonical-json';
import type { Validated } from '../../shared/model/document';
import { CorruptFileError, DurableTextFile } from './durable-file';
import { diskError, errnoOf } from './disk-errors';

export class JsonFile<T> implements Adapter<T> {
  constructor(
    private readonly text: Adapter<string>,
    private readonly validate: (data: unknown) => Validated<T>,
    /** The file's name in messages (`documents/<id>.json`). */
    readonly displayName: string,
  ) {}

  async read(): Promise<T | null> {
    let text: string | null;
    try {
      text = await this.text.read();
    } catch (err) {
      // A disk that refuses (permissions, I/O) is not a damaged file: say what it said.
      if (errnoOf(err)) throw diskError(err, 'read', this.displayName);
      throw new CorruptFileError(this.displayName, (err as Error).message);
    }
    if (text === null) return null;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new CorruptFileError(this.displayName, `not valid JSON (${(err as Error).message})`);
    }
    const result = this.validate(data);
    if (!result.ok) throw new CorruptFileError(this.displayName, result.error);
    return result.value;
  }

  write(data: T): Promise<void> {
    return this.text.write(canonicalJson(data));
  }
}

/** Reads and validates a JSON file on disk; `null` when it does not exist. */
export function readJsonFile<T>(path: string, validate: (data: unknown) => Validated<T>, displayName = path): Promise<T | null> {
  return new JsonFile(new DurableTextFile(path), validate, displayName).read();
}
