using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Tests.Catalog;

public sealed class CatalogReaderTests(ShopSchemaFixture shop) : IClassFixture<ShopSchemaFixture>
{
    private CatalogSnapshot Snapshot => shop.Snapshot;

    private TableInfo Table(string name) => Assert.Single(Snapshot.Tables, t => t.Schema == "shop" && t.Name == name);

    private ColumnInfo Column(string table, string name) => Assert.Single(Snapshot.Columns, c => c.Schema == "shop" && c.Table == table && c.Name == name);

    private ConstraintInfo Constraint(string name) => Assert.Single(Snapshot.Constraints, c => c.Schema == "shop" && c.Name == name);

    private IndexInfo Index(string name) => Assert.Single(Snapshot.Indexes, i => i.Schema == "shop" && i.Name == name);

    [Fact]
    public void Server_describes_the_database_and_the_time_of_the_snapshot()
    {
        Assert.Equal(shop.DatabaseName, Snapshot.Server.Database);
        Assert.StartsWith(Snapshot.Server.VersionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)[..2], Snapshot.Server.Version, StringComparison.Ordinal);
        Assert.True(Snapshot.Server.DatabaseSizeBytes > 0);
        Assert.True(Snapshot.Server.ServerStarted <= Snapshot.Server.SnapshotTakenAt);
        Assert.True(Snapshot.Server.DatabaseFrozenXidAge > 0);
    }

    [Fact]
    public void User_schemas_are_listed_and_system_schemas_are_not()
    {
        var names = Snapshot.Schemas.Select(s => s.Name).ToList();
        Assert.Contains("shop", names);
        Assert.Contains("public", names);
        Assert.DoesNotContain(names, n => n.StartsWith("pg_", StringComparison.Ordinal) || n == "information_schema");
    }

    [Fact]
    public void Every_relation_kind_is_read_with_its_kind()
    {
        Assert.Equal(TableKind.Table, Table("customers").Kind);
        Assert.Equal(TableKind.PartitionedTable, Table("events").Kind);
        Assert.Equal(TableKind.View, Table("paid_orders").Kind);
        Assert.Equal(TableKind.MaterializedView, Table("order_totals").Kind);
        Assert.Equal(TableKind.ForeignTable, Table("imports").Kind);
    }

    [Fact]
    public void Partitions_name_their_parent_and_the_parent_its_key()
    {
        Assert.Equal("RANGE (created_at)", Table("events").PartitionKey);
        var partition = Table("events_2026");
        Assert.Equal(TableKind.Table, partition.Kind);
        Assert.True(partition.IsPartition);
        Assert.Equal(("shop", "events"), (partition.PartitionParentSchema, partition.PartitionParentName));
        Assert.Equal(Table("events").Oid, partition.PartitionParentOid);
        Assert.StartsWith("FOR VALUES FROM ('2026-01-01", partition.PartitionBound, StringComparison.Ordinal);
        Assert.Equal(PartitionStrategy.Range, Table("events").PartitionStrategy);
        Assert.Null(partition.PartitionStrategy);
        Assert.Null(Table("customers").PartitionBound);
    }

    [Fact]
    public void Tables_carry_size_statistics_security_and_comment()
    {
        var orders = Table("orders");
        Assert.Equal(900, orders.EstimatedRows);
        Assert.Equal((900, 900), (orders.Inserts, orders.LiveTuples));
        Assert.True(orders.TableBytes > 0 && orders.IndexBytes > 0);
        Assert.Equal(orders.TableBytes + orders.IndexBytes, orders.TotalBytes);
        Assert.NotNull(orders.LastAnalyzed);
        Assert.True(orders.FrozenXidAge > 0);
        Assert.True(orders.RowLevelSecurity);
        Assert.Equal(1, orders.PolicyCount);
        Assert.Equal("people who buy", Table("customers").Comment);
        Assert.Equal(0, Table("paid_orders").TableBytes);
    }

    [Fact]
    public void Objects_owned_by_extensions_are_left_out()
    {
        Assert.DoesNotContain(Snapshot.Tables, t => t.Name.StartsWith("pg_stat_statements", StringComparison.Ordinal));
        Assert.DoesNotContain(Snapshot.Tables, t => t.Schema is "pg_catalog" or "information_schema");
    }

    [Fact]
    public void Columns_carry_type_nullability_default_identity_and_generation()
    {
        var id = Column("customers", "id");
        Assert.Equal(("bigint", "int8", "a", true), (id.DataType, id.TypeName, id.Identity, id.NotNull));
        Assert.Equal("shop.customers_id_seq", id.OwnedSequence);

        var email = Column("customers", "email");
        Assert.Equal(("character varying(255)", "varchar", "login", 2), (email.DataType, email.TypeName, email.Comment, email.Position));

        var fullName = Column("customers", "full_name");
        Assert.Contains("first_name", fullName.Generated, StringComparison.Ordinal);
        Assert.Null(fullName.Default);

        Assert.Equal("timestamp without time zone", Column("customers", "created_at").DataType);
        Assert.Equal("now()", Column("customers", "created_at").Default);

        var serial = Column("orders", "id");
        Assert.Null(serial.Identity);
        Assert.Equal("shop.orders_id_seq", serial.OwnedSequence);
        Assert.StartsWith("nextval(", serial.Default, StringComparison.Ordinal);

        var status = Column("orders", "status");
        Assert.Equal(("e", "shop.order_status"), (status.TypeKind, status.DataType));
        Assert.Equal("b", Column("orders", "amount").TypeKind);
        Assert.Single(Snapshot.Columns, c => c.Table == "paid_orders" && c.Name == "status");
    }

    [Fact]
    public void Primary_unique_check_and_exclusion_constraints_are_read_with_their_columns()
    {
        var primary = Constraint("customers_pkey");
        Assert.Equal((ConstraintKind.PrimaryKey, "id"), (primary.Kind, Assert.Single(primary.Columns)));
        Assert.Equal(ConstraintKind.Unique, Constraint("customers_email_key").Kind);
        Assert.Equal("CHECK (amount >= 0::numeric)", Constraint("orders_amount_positive").Definition);
        var exclusion = Constraint("bookings_no_overlap");
        Assert.Equal(ConstraintKind.Exclusion, exclusion.Kind);
        Assert.Equal(["room", "during"], exclusion.Columns);
    }

    [Fact]
    public void Foreign_keys_carry_target_and_actions()
    {
        var foreignKey = Assert.Single(Snapshot.Constraints, c => c.Kind == ConstraintKind.ForeignKey);
        Assert.Equal(("orders", "shop", "customers"), (foreignKey.Table, foreignKey.ReferencedSchema, foreignKey.ReferencedTable));
        Assert.Equal(["customer_id"], foreignKey.Columns);
        Assert.Equal(["id"], foreignKey.ReferencedColumns);
        Assert.Equal(("CASCADE", "RESTRICT"), (foreignKey.OnDelete, foreignKey.OnUpdate));
        Assert.True(foreignKey.Validated);
    }

    [Fact]
    public void Constraint_added_not_valid_is_read_as_not_validated()
    {
        Assert.False(Constraint("orders_amount_cap").Validated);
        Assert.True(Constraint("orders_amount_positive").Validated);
    }

    [Fact]
    public void Indexes_carry_keys_includes_predicate_method_and_backing_constraint()
    {
        var partial = Index("orders_open_status");
        Assert.Equal(["status"], partial.KeyColumns);
        Assert.Equal(["amount"], partial.IncludedColumns);
        Assert.Equal("status <> 'shipped'::shop.order_status", partial.Predicate);
        Assert.Equal(("btree", false, true), (partial.Method, partial.IsUnique, partial.IsValid));
        Assert.StartsWith("CREATE INDEX orders_open_status ON shop.orders USING btree (status) INCLUDE (amount) WHERE", partial.Definition, StringComparison.Ordinal);

        var expression = Index("orders_lower_note");
        Assert.True(expression.HasExpressions);
        Assert.Equal(["lower(note)", "note"], expression.KeyColumns);
        Assert.Equal(["DESC NULLS LAST", "text_pattern_ops"], expression.KeyOptions);

        Assert.Equal("hash", Index("orders_note_hash").Method);

        var primary = Index("customers_pkey");
        Assert.Equal((true, true, "customers_pkey"), (primary.IsPrimary, primary.IsUnique, primary.ConstraintName));
        Assert.True(primary.SizeBytes > 0);
        Assert.Equal("bookings_no_overlap", Index("bookings_no_overlap").ConstraintName);
        Assert.Null(partial.ConstraintName);
    }

    [Fact]
    public void Index_left_by_a_failed_concurrent_build_is_read_as_invalid()
    {
        var invalid = Index("labels_code_unique");
        Assert.False(invalid.IsValid);
        Assert.True(invalid.IsUnique);
    }

    [Fact]
    public void Sequences_carry_type_range_progress_and_owner()
    {
        var tickets = Assert.Single(Snapshot.Sequences, s => s.Name == "tickets");
        Assert.Equal(("smallint", 3L, 1000L, 1L, 1L), (tickets.DataType, tickets.LastValue, tickets.MaxValue, tickets.MinValue, tickets.Increment));
        Assert.Null(tickets.OwnedByTable);

        Assert.Null(Assert.Single(Snapshot.Sequences, s => s.Name == "unused_tickets").LastValue);

        var serial = Assert.Single(Snapshot.Sequences, s => s.Name == "orders_id_seq");
        Assert.Equal(("integer", 900L, int.MaxValue), (serial.DataType, serial.LastValue, serial.MaxValue));
        Assert.Equal(("shop", "orders", "id"), (serial.OwnedBySchema, serial.OwnedByTable, serial.OwnedByColumn));
        Assert.Equal("bigint", Assert.Single(Snapshot.Sequences, s => s.Name == "customers_id_seq").DataType);
    }

    [Fact]
    public void Column_statistics_carry_distinct_counts_and_most_common_values_with_awkward_text()
    {
        var labels = Assert.Single(Snapshot.ColumnStatistics, s => s.Table == "labels" && s.Column == "code");
        Assert.Equal(6, labels.DistinctValues);
        string[] expected = ["a,b", "say \"hi\"", "back\\slash", "{brace}", "NULL", " spaced "];
        Assert.Equal(expected.Order(StringComparer.Ordinal), labels.MostCommonValues.Order(StringComparer.Ordinal));
        Assert.All(labels.MostCommonFrequencies, f => Assert.Equal(1.0 / 6, f, 3));
        Assert.Equal(0, labels.NullFraction);

        var status = Assert.Single(Snapshot.ColumnStatistics, s => s.Table == "orders" && s.Column == "status");
        Assert.Equal(["new", "paid", "shipped"], status.MostCommonValues.Order(StringComparer.Ordinal));
        Assert.NotNull(status.Correlation);
    }

    [Fact]
    public void Extensions_list_what_the_server_offers_and_what_is_installed()
    {
        var statements = Assert.Single(Snapshot.Extensions, e => e.Name == "pg_stat_statements");
        Assert.True(statements.Installed);
        Assert.NotNull(statements.DefaultVersion);
        Assert.False(Assert.Single(Snapshot.Extensions, e => e.Name == "pgcrypto").Installed);
    }

    [Fact]
    public void Memory_settings_are_converted_to_bytes()
    {
        var sharedBuffers = Assert.Single(Snapshot.Settings, s => s.Name == "shared_buffers");
        Assert.Equal("8kB", sharedBuffers.Unit);
        Assert.Equal(long.Parse(sharedBuffers.Value, System.Globalization.CultureInfo.InvariantCulture) * 8192, sharedBuffers.Bytes);
        var workMem = Assert.Single(Snapshot.Settings, s => s.Name == "work_mem");
        Assert.Equal(("kB", long.Parse(workMem.Value, System.Globalization.CultureInfo.InvariantCulture) * 1024), (workMem.Unit, workMem.Bytes));
        Assert.Null(Assert.Single(Snapshot.Settings, s => s.Name == "autovacuum_work_mem").Bytes);
        Assert.Null(Assert.Single(Snapshot.Settings, s => s.Name == "statement_timeout").Bytes);
        Assert.Equal("on", Assert.Single(Snapshot.Settings, s => s.Name == "autovacuum").Value);
    }

    [Fact]
    public void Activity_counts_the_servers_client_connections_including_this_one()
    {
        Assert.True(Snapshot.Activity.TotalConnections >= 1);
        Assert.True(Snapshot.Activity.Active >= 1);
        Assert.Equal(Assert.Single(Snapshot.Settings, s => s.Name == "max_connections").Value, Snapshot.Activity.MaxConnections.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_server_without_replication_slots_reports_none()
    {
        Assert.Empty(Snapshot.ReplicationSlots);
    }
}
