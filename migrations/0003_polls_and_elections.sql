CREATE TABLE "nominations" (
	"coop_id" uuid NOT NULL,
	"poll_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"nominated_by" uuid NOT NULL,
	"statement" text DEFAULT '' NOT NULL,
	"accepted_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nominations_coop_id_poll_id_person_id_pk" PRIMARY KEY("coop_id","poll_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "poll_ballots" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"poll_id" uuid NOT NULL,
	"receipt_hash" text NOT NULL,
	"person_id" uuid,
	"voter_class" text NOT NULL,
	"content" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poll_options" (
	"coop_id" uuid NOT NULL,
	"poll_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"label" text NOT NULL,
	"person_id" uuid,
	CONSTRAINT "poll_options_coop_id_poll_id_number_pk" PRIMARY KEY("coop_id","poll_id","number")
);
--> statement-breakpoint
CREATE TABLE "poll_participation" (
	"coop_id" uuid NOT NULL,
	"poll_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"voted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "poll_participation_coop_id_poll_id_person_id_pk" PRIMARY KEY("coop_id","poll_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "polls" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"method" text NOT NULL,
	"threshold" text DEFAULT 'simple' NOT NULL,
	"seats" integer DEFAULT 1 NOT NULL,
	"electorate" text[] DEFAULT '{}'::text[] NOT NULL,
	"quorum_percent" integer NOT NULL,
	"class_balanced" integer DEFAULT 0 NOT NULL,
	"secret" integer DEFAULT 0 NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"office_role" text,
	"bylaws_document" jsonb,
	"result" jsonb,
	"bylaws_version" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "polls_coop_id_key" UNIQUE("coop_id","id")
);
--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_coop_id_poll_id_polls_coop_id_id_fk" FOREIGN KEY ("coop_id","poll_id") REFERENCES "public"."polls"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_ballots" ADD CONSTRAINT "poll_ballots_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_ballots" ADD CONSTRAINT "poll_ballots_coop_id_poll_id_polls_coop_id_id_fk" FOREIGN KEY ("coop_id","poll_id") REFERENCES "public"."polls"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_options" ADD CONSTRAINT "poll_options_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_options" ADD CONSTRAINT "poll_options_coop_id_poll_id_polls_coop_id_id_fk" FOREIGN KEY ("coop_id","poll_id") REFERENCES "public"."polls"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_participation" ADD CONSTRAINT "poll_participation_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "poll_ballots_receipt_idx" ON "poll_ballots" USING btree ("coop_id","poll_id","receipt_hash");--> statement-breakpoint
CREATE INDEX "polls_status_idx" ON "polls" USING btree ("coop_id","status");