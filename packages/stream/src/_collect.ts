/**
 * Gathers the byte pieces one input chunk produces and hands them on as one chunk: pushing every
 * line separately would cost more than diagnosing it.
 */
export class Collector {
  private pieces: Uint8Array[] = [];
  private size = 0;

  add(piece: Uint8Array): void {
    this.pieces.push(piece);
    this.size += piece.length;
  }

  take(): Uint8Array | null {
    if (this.pieces.length === 0) return null;
    const pieces = this.pieces;
    const size = this.size;
    this.pieces = [];
    this.size = 0;
    if (pieces.length === 1) return pieces[0] as Uint8Array;
    const out = new Uint8Array(size);
    let at = 0;
    for (const p of pieces) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}
