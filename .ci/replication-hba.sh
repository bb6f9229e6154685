#!/bin/sh
# Run once by the official postgres image when it creates the primary's data
# directory (/docker-entrypoint-initdb.d): lets the optional read replica (the
# "replicas" profile in docker-compose.yml) stream from it with the same password.
# The image's own line ("host all all all ...") does not cover replication.
echo "host replication ${POSTGRES_USER} all scram-sha-256" >> "$PGDATA/pg_hba.conf"
