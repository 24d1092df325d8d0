export interface Cluster {
  dir: string
  port: number
  url: string
}
export declare function ensurePostgresBinaries(): string
export declare function startCluster(): Promise<Cluster>
export declare function startClusterServer(cluster: { dir: string; port: number }): void
export declare function stopClusterServer(dir: string, mode?: 'fast' | 'immediate' | 'smart'): void
export declare function stopCluster(dir: string): void
