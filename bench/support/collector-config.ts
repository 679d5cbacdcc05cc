/** The collector config the scale benchmarks predict for: one static target scraped every 30 s into awsemf's defaults. */
export const BENCH_COLLECTOR_CONFIG = `receivers:
  prometheus:
    config:
      scrape_configs:
        - job_name: bench
          scrape_interval: 30s
          static_configs: [{ targets: ["localhost:3000"] }]
exporters:
  awsemf: {}
service:
  pipelines:
    metrics: { receivers: [prometheus], exporters: [awsemf] }
`;
