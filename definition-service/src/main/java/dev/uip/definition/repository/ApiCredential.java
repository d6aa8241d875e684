package dev.uip.definition.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A management API credential: its hash, never the secret itself. */
@Entity
@Table(name = "api_credential")
public class ApiCredential extends PanacheEntityBase {

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
