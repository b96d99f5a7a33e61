// The notes LinkedIn would hold after the requests it accepted, per integration context and
// application: what a test compares with what the ATS wrote (order of upserts and deletes included).
import type { NoteEntity } from "./validate-note-entity";

export type StoredNote = NoteEntity & { noteId: string };

export class NotesStore {
  private readonly byApplication = new Map<string, Map<string, NoteEntity>>();

  private key(integrationContext: string, atsJobApplicationId: string): string {
    return JSON.stringify([integrationContext, atsJobApplicationId]);
  }

  upsert(integrationContext: string, atsJobApplicationId: string, noteId: string, entity: NoteEntity): void {
    const key = this.key(integrationContext, atsJobApplicationId);
    const notes = this.byApplication.get(key) ?? new Map<string, NoteEntity>();
    notes.set(noteId, entity);
    this.byApplication.set(key, notes);
  }

  /** false when there was no such note */
  delete(integrationContext: string, atsJobApplicationId: string, noteId: string): boolean {
    return this.byApplication.get(this.key(integrationContext, atsJobApplicationId))?.delete(noteId) ?? false;
  }

  list(integrationContext: string, atsJobApplicationId: string): StoredNote[] {
    const notes = this.byApplication.get(this.key(integrationContext, atsJobApplicationId));
    return [...(notes?.entries() ?? [])].map(([noteId, entity]) => ({ noteId, ...entity }));
  }

  count(): number {
    let total = 0;
    for (const notes of this.byApplication.values()) total += notes.size;
    return total;
  }

  clear(): void {
    this.byApplication.clear();
  }
}
