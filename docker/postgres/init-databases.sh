#!/bin/sh
# Creates one database and one role per service. Each role owns its own
# database and nobody else may connect to it: services share a server here,
# never data.
set -eu

create() {
  name=$1
  password=$(cat "$2")
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="$name" -v password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
}

create reservation /run/secrets/reservation_db_password
create payment /run/secrets/payment_db_password
create cancellation /run/secrets/cancellation_db_password
