package dev.uip.definition.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * What write keys and management API credentials both store: a secret of a workspace, by its SHA-256 only (the secret
 * itself is shown once, when issued), with a display prefix, who issued it and when it was revoked.
 */
@MappedSuperclass
public abstract class IssuedSecret extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(nullable = false)
    public String name;

    @Column(name = "key_hash", nullable = false, columnDefinition = "bpchar(64)")
    public String keyHash;

    @Column(name = "display_prefix", nullable = false)
    public String displayPrefix;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
