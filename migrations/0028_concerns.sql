CREATE TABLE "consultation_answers" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"person_id" uuid,
	"kind" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"via" text NOT NULL,
	"answered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_recipients" (
	"coop_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"mailed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "consultation_recipients_coop_id_consultation_id_person_id_pk" PRIMARY KEY("coop_id","consultation_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"subject_title" text NOT NULL,
	"what_changes" text NOT NULL,
	"answer_by" date NOT NULL,
	"organization_ids" uuid[] NOT NULL,
	"topics" text[] NOT NULL,
	"opened_by" uuid,
	"opened_at" timestamp with time zone NOT NULL,
	CONSTRAINT "consultations_coop_id_key" UNIQUE("coop_id","id")
);
--> statement-breakpoint
CREATE TABLE "sponsor_concerns" (
	"coop_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"systems" text DEFAULT '' NOT NULL,
	"constraints" text DEFAULT '' NOT NULL,
	"contact_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sponsor_concerns_coop_id_organization_id_pk" PRIMARY KEY("coop_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "topic_tags" (
	"coop_id" uuid NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "topic_tags_coop_id_subject_kind_subject_id_topic_pk" PRIMARY KEY("coop_id","subject_kind","subject_id","topic")
);
--> statement-breakpoint
ALTER TABLE "consultation_answers" ADD CONSTRAINT "consultation_answers_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_answers" ADD CONSTRAINT "consultation_answers_coop_id_consultation_id_consultations_coop_id_id_fk" FOREIGN KEY ("coop_id","consultation_id") REFERENCES "public"."consultations"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_recipients" ADD CONSTRAINT "consultation_recipients_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_recipients" ADD CONSTRAINT "consultation_recipients_coop_id_consultation_id_consultations_coop_id_id_fk" FOREIGN KEY ("coop_id","consultation_id") REFERENCES "public"."consultations"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_recipients" ADD CONSTRAINT "consultation_recipients_coop_id_person_id_people_coop_id_id_fk" FOREIGN KEY ("coop_id","person_id") REFERENCES "public"."people"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsor_concerns" ADD CONSTRAINT "sponsor_concerns_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsor_concerns" ADD CONSTRAINT "sponsor_concerns_coop_id_organization_id_organizations_coop_id_id_fk" FOREIGN KEY ("coop_id","organization_id") REFERENCES "public"."organizations"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_tags" ADD CONSTRAINT "topic_tags_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_answers_idx" ON "consultation_answers" USING btree ("coop_id","consultation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_recipients_token_idx" ON "consultation_recipients" USING btree ("coop_id","token_hash");--> statement-breakpoint
CREATE INDEX "consultations_subject_idx" ON "consultations" USING btree ("coop_id","subject_kind","subject_id");--> statement-breakpoint
CREATE INDEX "consultations_organizations_idx" ON "consultations" USING gin ("organization_ids");--> statement-breakpoint
CREATE INDEX "sponsor_concerns_topics_idx" ON "sponsor_concerns" USING gin ("topics");--> statement-breakpoint
CREATE INDEX "topic_tags_topic_idx" ON "topic_tags" USING btree ("coop_id","topic");--> statement-breakpoint
CREATE FUNCTION consultation_answers_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'consultation answers are kept as given (% refused): answer again', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER consultation_answers_kept BEFORE UPDATE OR DELETE ON consultation_answers
  FOR EACH ROW EXECUTE FUNCTION consultation_answers_refuse_change();
