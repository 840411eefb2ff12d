-- Admin console (issue 10): accounts with a role, their browser sessions, and access policy rules.
-- Portable SQL like V1: SQLite now, PostgreSQL later. Times are epoch milliseconds.

-- Passwords are Argon2id hashes in PHC string form; the TOTP secret is kept to check codes (RFC 6238).
-- totp_last_step is the last time step a code was accepted for, so a code works once.
CREATE TABLE accounts (
    id             VARCHAR(64)  PRIMARY KEY,
    username       VARCHAR(64)  NOT NULL UNIQUE,
    role           VARCHAR(16)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    password_hash  VARCHAR(256) NOT NULL,
    totp_secret    VARCHAR(64)  NOT NULL,
    totp_last_step BIGINT       NOT NULL DEFAULT 0,
    created_at     BIGINT       NOT NULL,
    created_by     VARCHAR(128) NOT NULL,
    last_login_at  BIGINT,
    CHECK (role IN ('admin', 'operator', 'viewer', 'auditor')),
    CHECK (status IN ('enabled', 'disabled'))
);

-- A signed-in browser. Only hashes of the cookie and CSRF token are stored. account_id is null for a
-- session opened with the admin token; account sessions take their role from the account on every request.
CREATE TABLE console_sessions (
    token_hash   VARCHAR(64)  PRIMARY KEY,
    csrf_hash    VARCHAR(64)  NOT NULL,
    account_id   VARCHAR(64),
    principal    VARCHAR(128) NOT NULL,
    role         VARCHAR(16)  NOT NULL,
    source       VARCHAR(128),
    created_at   BIGINT       NOT NULL,
    last_seen_at BIGINT       NOT NULL,
    expires_at   BIGINT       NOT NULL
);
CREATE INDEX console_sessions_by_account ON console_sessions (account_id);

-- Who may reach what through the headend: a device in group_name ('*' = every device) may open
-- connections to destination (a CIDR) over protocol, optionally only to ports port_from..port_to.
CREATE TABLE policy_rules (
    id          VARCHAR(64)  PRIMARY KEY,
    group_name  VARCHAR(64)  NOT NULL,
    destination VARCHAR(64)  NOT NULL,
    protocol    VARCHAR(8)   NOT NULL,
    port_from   INTEGER,
    port_to     INTEGER,
    description VARCHAR(256),
    created_at  BIGINT       NOT NULL,
    created_by  VARCHAR(128) NOT NULL,
    updated_at  BIGINT       NOT NULL,
    CHECK (protocol IN ('tcp', 'udp', 'icmp', 'any')),
    CHECK ((port_from IS NULL AND port_to IS NULL)
        OR (protocol IN ('tcp', 'udp') AND port_from >= 1 AND port_to >= port_from AND port_to <= 65535))
);
CREATE INDEX policy_rules_by_group ON policy_rules (group_name);
