#!/usr/bin/env sh
# Starts s3proxy on :9000 over /data; S3_BUCKETS (space-separated) are created as directories first.
set -eu
for bucket in ${S3_BUCKETS:-warehouse flink}; do
  mkdir -p "/data/$bucket"
done
cat > /tmp/s3proxy.properties <<PROPS
s3proxy.endpoint=http://0.0.0.0:9000
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=${S3_ACCESS_KEY:?S3_ACCESS_KEY must be set}
s3proxy.credential=${S3_SECRET_KEY:?S3_SECRET_KEY must be set}
jclouds.provider=filesystem
jclouds.filesystem.basedir=/data
PROPS
exec java -Xmx256m -cp "/opt/s3/conf:/opt/s3/lib/*" org.gaul.s3proxy.Main --properties /tmp/s3proxy.properties
