package dev.uip.definition.repository;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

import dev.uip.definition.domain.LifecycleStatus;

/** One immutable version of a definition: the whole definition as JSON, its schema and where it was registered. */
@Entity
@Table(name = "event_definition_version")
@IdClass(EventDefinitionVersion.Key.class)
public class EventDefinitionVersion extends PanacheEntityBase {

    @Id
    @Column(name = "definition_id")
    public long definitionId;

    @Id
    public int version;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(nullable = false)
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LifecycleStatus status;

    @Column(name = "definition_json", nullable = false)
    public String definitionJson;

    @Column(name = "schema_text", nullable = false)
    public String schemaText;

    @Column(name = "schema_version")
    public String schemaVersion;

    @Column(name = "schema_global_id")
    public Long schemaGlobalId;

    @Column(nullable = false)
    public boolean breaking;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The composite primary key. */
    public static class Key implements Serializable {

        public long definitionId;
        public int version;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.definitionId == definitionId && key.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(definitionId, version);
        }
    }
}
