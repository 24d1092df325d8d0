/** What an ingest did (or, in check mode, would do) with each kind of file. */
export interface IngestCounts {
  total: number
  new: number
  changed: number
  relinked: number
  unchanged: number
  unpublished: number
}

export const emptyCounts = (): IngestCounts => ({ total: 0, new: 0, changed: 0, relinked: 0, unchanged: 0, unpublished: 0 })
