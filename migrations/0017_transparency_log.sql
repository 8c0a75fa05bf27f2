CREATE TABLE "transparency_checkpoints" (
	"coop_id" uuid NOT NULL,
	"tree_size" bigint NOT NULL,
	"root_hash" "bytea" NOT NULL,
	"note" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "transparency_checkpoints_coop_id_tree_size_pk" PRIMARY KEY("coop_id","tree_size")
);
--> statement-breakpoint
CREATE TABLE "transparency_cosignatures" (
	"coop_id" uuid NOT NULL,
	"tree_size" bigint NOT NULL,
	"witness_id" uuid NOT NULL,
	"signature_line" text NOT NULL,
	"cosigned_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transparency_cosignatures_coop_id_tree_size_witness_id_pk" PRIMARY KEY("coop_id","tree_size","witness_id")
);
--> statement-breakpoint
CREATE TABLE "transparency_leaves" (
	"coop_id" uuid NOT NULL,
	"leaf_index" bigint NOT NULL,
	"event_seq" bigint NOT NULL,
	"event_type" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"visibility" text NOT NULL,
	"entry" text NOT NULL,
	"leaf_hash" "bytea" NOT NULL,
	"logged_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transparency_leaves_coop_id_leaf_index_pk" PRIMARY KEY("coop_id","leaf_index"),
	CONSTRAINT "transparency_leaves_event_key" UNIQUE("coop_id","event_seq")
);
--> statement-breakpoint
CREATE TABLE "transparency_logs" (
	"coop_id" uuid PRIMARY KEY NOT NULL,
	"size" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transparency_nodes" (
	"coop_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	"node_index" bigint NOT NULL,
	"hash" "bytea" NOT NULL,
	CONSTRAINT "transparency_nodes_coop_id_level_node_index_pk" PRIMARY KEY("coop_id","level","node_index")
);
--> statement-breakpoint
CREATE TABLE "transparency_witnesses" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"name" text NOT NULL,
	"vkey" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "transparency_witnesses_coop_id_key" UNIQUE("coop_id","id"),
	CONSTRAINT "transparency_witnesses_name_key" UNIQUE("coop_id","name")
);
--> statement-breakpoint
ALTER TABLE "transparency_checkpoints" ADD CONSTRAINT "transparency_checkpoints_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transparency_cosignatures" ADD CONSTRAINT "transparency_cosignatures_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transparency_cosignatures" ADD CONSTRAINT "transparency_cosignatures_witness_fk" FOREIGN KEY ("coop_id","witness_id") REFERENCES "public"."transparency_witnesses"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transparency_leaves" ADD CONSTRAINT "transparency_leaves_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transparency_logs" ADD CONSTRAINT "transparency_logs_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transparency_nodes" ADD CONSTRAINT "transparency_nodes_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transparency_witnesses" ADD CONSTRAINT "transparency_witnesses_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transparency_leaves_subject_idx" ON "transparency_leaves" USING btree ("coop_id","subject_type","subject_id");--> statement-breakpoint
-- The log only grows: leaves, nodes and signed checkpoints are never changed or removed (a
-- restore empties the tables with TRUNCATE, which these row triggers do not see).
CREATE FUNCTION transparency_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the transparency log is append-only (% on % refused)', TG_OP, TG_TABLE_NAME;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER transparency_leaves_append_only BEFORE UPDATE OR DELETE ON transparency_leaves
  FOR EACH ROW EXECUTE FUNCTION transparency_refuse_change();
--> statement-breakpoint
CREATE TRIGGER transparency_nodes_append_only BEFORE UPDATE OR DELETE ON transparency_nodes
  FOR EACH ROW EXECUTE FUNCTION transparency_refuse_change();
--> statement-breakpoint
CREATE TRIGGER transparency_checkpoints_append_only BEFORE UPDATE OR DELETE ON transparency_checkpoints
  FOR EACH ROW EXECUTE FUNCTION transparency_refuse_change();
