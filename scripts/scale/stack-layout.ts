import path from 'node:path'

/** Where a scale stack keeps its files inside its workDir (tests read the logs; nothing else is written). */
export function stackLayout(workDir: string) {
  const nginxPrefix = path.join(workDir, 'nginx')
  return {
    nginxPrefix,
    cacheDir: path.join(nginxPrefix, 'cache'),
    /** One line per request: client, request, status, upstream address and status, cache status (flushed each second). */
    accessLog: path.join(nginxPrefix, 'logs', 'access.log'),
    errorLog: path.join(nginxPrefix, 'logs', 'error.log'),
    instanceLog: (port: number) => path.join(workDir, `instance-${port}.log`),
  }
}
