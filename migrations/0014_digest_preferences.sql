CREATE TABLE "digest_preferences" (
	"coop_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"weekly" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digest_preferences_coop_id_person_id_pk" PRIMARY KEY("coop_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "digest_preferences" ADD CONSTRAINT "digest_preferences_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digest_preferences" ADD CONSTRAINT "digest_preferences_coop_id_person_id_people_coop_id_id_fk" FOREIGN KEY ("coop_id","person_id") REFERENCES "public"."people"("coop_id","id") ON DELETE no action ON UPDATE no action;