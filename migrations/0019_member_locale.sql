ALTER TABLE "invitations" ADD COLUMN "locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_locale_check" CHECK ("people"."locale" in ('en', 'de'));