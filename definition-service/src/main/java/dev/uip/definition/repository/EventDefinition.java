package dev.uip.definition.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntity;

/** A stored event definition: its properties and the registry coordinates of its current schema. */
@Entity
@Table(name = "event_definition")
public class EventDefinition extends PanacheEntity {

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "properties_json", nullable = false)
    public String propertiesJson;

    @Column(nullable = false)
    public int version;

    @Column(name = "schema_group", nullable = false)
    public String schemaGroup;

    @Column(name = "schema_version", nullable = false)
    public String schemaVersion;

    @Column(name = "schema_global_id", nullable = false)
    public long schemaGlobalId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
