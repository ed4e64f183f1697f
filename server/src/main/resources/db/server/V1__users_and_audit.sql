-- The server's own tables (users, roles, groups, audit log). Their Flyway history is
-- flyway_schema_history_server, apart from the engine's, so the two numberings never mix.

create table tsumugi_user (
  username             varchar(100) primary key,
  display_name         varchar(200),
  email                varchar(320),
  -- {id}-prefixed hash of Spring Security's DelegatingPasswordEncoder; null for OIDC-only users
  password_hash        varchar(500),
  active               boolean not null,
  must_change_password boolean not null,
  -- Base32 TOTP secret; null until the user enrols an authenticator app
  totp_secret          varchar(64),
  -- the last accepted 30-second step: a code is accepted once only
  totp_last_step       bigint not null default 0,
  failed_attempts      integer not null default 0,
  locked_until         timestamp with time zone,
  created_at           timestamp with time zone not null
);

create table tsumugi_user_role (
  username varchar(100) not null references tsumugi_user (username) on delete cascade,
  role     varchar(30)  not null,
  primary key (username, role)
);

-- BPMN candidate groups
create table tsumugi_user_group (
  username varchar(100) not null references tsumugi_user (username) on delete cascade,
  group_id varchar(200) not null,
  primary key (username, group_id)
);

-- Append-only and hash-chained: hash = SHA-256(this entry's fields, prev_hash).
create table audit_log (
  seq            bigint primary key,
  occurred_at    timestamp with time zone not null,
  actor          varchar(100) not null,
  action         varchar(50)  not null,
  target         varchar(500),
  outcome        varchar(20)  not null,
  remote_address varchar(100),
  prev_hash      char(64)     not null,
  hash           char(64)     not null
);

create index audit_log_actor on audit_log (actor, seq);
create index audit_log_time on audit_log (occurred_at);
