CREATE TABLE "branch_checks" (
	"coop_id" uuid NOT NULL,
	"repository_id" uuid NOT NULL,
	"ref" text NOT NULL,
	"head_sha" text NOT NULL,
	"commit_count" integer NOT NULL,
	"failure_count" integer NOT NULL,
	"verdicts" jsonb NOT NULL,
	"remediation" text NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "branch_checks_repository_id_ref_pk" PRIMARY KEY("repository_id","ref")
);
--> statement-breakpoint
CREATE TABLE "commits" (
	"coop_id" uuid NOT NULL,
	"repository_id" uuid NOT NULL,
	"sha" text NOT NULL,
	"parents" text[] NOT NULL,
	"author_name" text NOT NULL,
	"author_email" text NOT NULL,
	"authored_at" timestamp with time zone NOT NULL,
	"author_tz" smallint NOT NULL,
	"committer_name" text NOT NULL,
	"committer_email" text NOT NULL,
	"committed_at" timestamp with time zone NOT NULL,
	"committer_tz" smallint NOT NULL,
	"message" text NOT NULL,
	"trailers" jsonb NOT NULL,
	"files" integer NOT NULL,
	"insertions" integer NOT NULL,
	"deletions" integer NOT NULL,
	"dco_ok" boolean NOT NULL,
	"dco_skipped" text,
	"dco_reason" text,
	"integrated_at" timestamp with time zone,
	"integrated_by" text,
	"first_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "commits_repository_id_sha_pk" PRIMARY KEY("repository_id","sha")
);
--> statement-breakpoint
CREATE TABLE "contributors" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"link" text,
	"person_id" uuid,
	"first_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contributors_coop_id_key" UNIQUE("coop_id","id")
);
--> statement-breakpoint
CREATE TABLE "history_rewrites" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"repository_id" uuid NOT NULL,
	"ref" text NOT NULL,
	"old_sha" text NOT NULL,
	"new_sha" text NOT NULL,
	"dropped_commits" integer,
	"detected_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "repositories" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"source_kind" text NOT NULL,
	"location" text NOT NULL,
	"default_branch" text,
	"bot_patterns" text[] DEFAULT '{}'::text[] NOT NULL,
	"last_synced_at" timestamp with time zone,
	"last_sync_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "repositories_coop_id_key" UNIQUE("coop_id","id")
);
--> statement-breakpoint
CREATE TABLE "repository_refs" (
	"coop_id" uuid NOT NULL,
	"repository_id" uuid NOT NULL,
	"ref" text NOT NULL,
	"sha" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "repository_refs_repository_id_ref_pk" PRIMARY KEY("repository_id","ref")
);
--> statement-breakpoint
ALTER TABLE "branch_checks" ADD CONSTRAINT "branch_checks_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "branch_checks" ADD CONSTRAINT "branch_checks_coop_id_repository_id_repositories_coop_id_id_fk" FOREIGN KEY ("coop_id","repository_id") REFERENCES "public"."repositories"("coop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commits" ADD CONSTRAINT "commits_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commits" ADD CONSTRAINT "commits_coop_id_repository_id_repositories_coop_id_id_fk" FOREIGN KEY ("coop_id","repository_id") REFERENCES "public"."repositories"("coop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributors" ADD CONSTRAINT "contributors_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributors" ADD CONSTRAINT "contributors_coop_id_person_id_people_coop_id_id_fk" FOREIGN KEY ("coop_id","person_id") REFERENCES "public"."people"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "history_rewrites" ADD CONSTRAINT "history_rewrites_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "history_rewrites" ADD CONSTRAINT "history_rewrites_coop_id_repository_id_repositories_coop_id_id_fk" FOREIGN KEY ("coop_id","repository_id") REFERENCES "public"."repositories"("coop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repositories" ADD CONSTRAINT "repositories_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repository_refs" ADD CONSTRAINT "repository_refs_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repository_refs" ADD CONSTRAINT "repository_refs_coop_id_repository_id_repositories_coop_id_id_fk" FOREIGN KEY ("coop_id","repository_id") REFERENCES "public"."repositories"("coop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contributors_email_idx" ON "contributors" USING btree ("coop_id","email");--> statement-breakpoint
CREATE INDEX "history_rewrites_repo_idx" ON "history_rewrites" USING btree ("repository_id");--> statement-breakpoint
CREATE UNIQUE INDEX "repositories_name_idx" ON "repositories" USING btree ("coop_id",lower("name"));