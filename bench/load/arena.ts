// Received frames kept for the after-run check without keeping ~1M small Buffers alive (GC cost on
// the load generator): bytes are copied into large blocks, and read back as views.
const BLOCK = 1 << 20

export class FrameArena {
  // The first block is allocated up front: allocated on the first stored frame, 190 clients would
  // zero 190 MB at once inside the measured window (a ~150 ms stall of the load generator), and only
  // for servers that send nothing between the handshake and the first edit.
  private blocks: Uint8Array[] = [new Uint8Array(BLOCK)]
  private used = 0
  private refs: number[] = [] // block, offset, length triples
  get count(): number {
    return this.refs.length / 3
  }

  push(frame: Uint8Array): void {
    if (frame.length > BLOCK) {
      this.blocks.push(frame.slice())
      this.refs.push(this.blocks.length - 1, 0, frame.length)
      this.used = BLOCK
      return
    }
    if (this.used + frame.length > BLOCK) {
      this.blocks.push(new Uint8Array(BLOCK))
      this.used = 0
    }
    const b = this.blocks.length - 1
    this.blocks[b].set(frame, this.used)
    this.refs.push(b, this.used, frame.length)
    this.used += frame.length
  }

  *frames(): Generator<Uint8Array> {
    for (let i = 0; i < this.refs.length; i += 3) yield this.blocks[this.refs[i]].subarray(this.refs[i + 1], this.refs[i + 1] + this.refs[i + 2])
  }
}
