export interface Cluster {
  dir: string
  port: number
  url: string
}
export declare function ensurePostgresBinaries(): string
export declare function startCluster(): Promise<Cluster>
export declare function stopCluster(dir: string): void
