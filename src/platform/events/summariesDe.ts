/**
 * The event catalogue's summaries in German, by event name: what `/api/events/catalogue` answers
 * a German request with. The English summaries stay beside each event's definition, where a
 * developer adding an event writes them; these live apart so that the registry itself stays in
 * one language. `summariesDe.test.ts` fails when a registered event has none here.
 */
export const summariesDe: Readonly<Record<string, string>> = {
  'account.email-added':
    'Ein Mitglied hat eine E-Mail-Adresse hinzugefügt; sie wartet darauf, dass ihr Bestätigungslink geöffnet wird.',
  'account.email-released':
    'Eine Adresse, die ein Mitglied hinzugefügt, aber nie bestätigt hatte, ging an die Person, die sie als ihre nachwies (eine Einladung, ein Import oder ihr eigener Bestätigungslink); der unbestätigte Anspruch wurde entfernt.',
  'account.email-verified':
    'Ein Mitglied hat den Bestätigungslink geöffnet, der an eine seiner Adressen gemailt wurde.',
  'account.password-reset':
    'Ein Mitglied hat über einen Link zum Zurücksetzen ein neues Passwort gewählt; alle seine Sitzungen wurden beendet.',
  'account.password-reset-requested':
    'Ein Link zum Zurücksetzen des Passworts wurde an die Adresse eines Mitglieds gemailt.',
  'account.password-set':
    'Ein Mitglied hat sein Passwort gesetzt oder geändert; seine anderen Sitzungen wurden beendet.',
  'account.sign-in-link-requested':
    'Ein einmaliger Anmeldelink wurde an die Adresse eines Mitglieds gemailt (der Weg hinein, solange Fehlversuche das Konto sperren).',
  'admin.granted': 'Ein Mitglied erhielt Administrationsrechte.',
  'admin.revoked': 'Einem Mitglied wurden die Administrationsrechte entzogen.',
  'agreement.cancelled':
    'Ein Vertrag wurde gekündigt: Er gilt bis `endsOn` und verlängert sich nie; danach endet die Rechnungsstellung.',
  'agreement.created':
    'Ein Vertrag wurde geschlossen (aus einem angenommenen Angebot oder von Amtsträgern erfasst).',
  'agreement.ended':
    'Ein Vertrag erreichte seinen letzten Tag ohne Verlängerung (oder nach seiner Kündigung).',
  'agreement.renewal-term-due':
    'Eine Laufzeit endet in `daysBefore` Tagen: Verlängerungshinweise gehen hinaus, und die Rechnungen der nächsten Laufzeit können vorbereitet werden.',
  'agreement.renewed':
    'Ein sich automatisch verlängernder Vertrag trat in seine nächste Laufzeit ein.',
  'agreement.updated':
    'Die Verwaltungsangaben eines Vertrags wurden geändert (Bestellzeichen des Käufers, Rechnungskontakte, Verlängerung, Hacker); `fields` nennt, welche.',
  'bylaws.adopted':
    'Eine Fassung der Satzung wurde beschlossen (bei der Gründung, von der Administration erfasst oder per Abstimmung); der Gegenstand ist ihre Nummer.',
  'capacity.service-hours-set':
    'Die Stunden, die ein Hacker im Monat für den Sponsorenservice gibt, wurden festgelegt (Kapazitätsplanung).',
  'concerns.item-topics-set':
    'Die Themen eines Arbeitspakets oder Antrags wurden festgelegt (daraus folgen die anzuhörenden Sponsoren).',
  'concerns.recorded':
    'Die Anliegen eines Sponsors (Themen, Systeme, Einschränkungen, Ansprechpersonen) wurden erfasst.',
  'consultation.answered':
    'Ein Sponsor hat eine Anhörung zur Kenntnis genommen, kommentiert oder ihr widersprochen.',
  'consultation.mailed':
    'Eine Anhörung wurde an die Kontakte eines Sponsors gemailt, jeweils mit ihrem Antwortlink.',
  'consultation.opened':
    'Sponsoren wurden zu einem Vorhaben angehört: was sich ändert und bis wann eine Antwort erbeten ist.',
  'contributions.contributor-link-reset':
    'Amtsträger haben eine mitwirkende Person wieder der automatischen Verknüpfung über eine bestätigte E-Mail-Adresse überlassen.',
  'contributions.contributor-linked':
    'Amtsträger haben eine mitwirkende Person (eine in Commits gesehene E-Mail-Adresse) von Hand mit einem Mitglied verknüpft.',
  'contributions.contributor-unlinked':
    'Amtsträger haben die Verknüpfung einer mitwirkenden Person mit jedem Mitglied gelöst; die automatische Verknüpfung über eine bestätigte E-Mail-Adresse gilt für sie nicht mehr.',
  'contributions.history-rewritten':
    'Ein Branch oder Tag wurde auf einen Commit bewegt, der nicht von seinem vorherigen Stand abstammt (ein Force-Push); festgehalten, nicht übernommen.',
  'contributions.repository-registered':
    'Amtsträger haben ein Git-Repository der Genossenschaft registriert (ein Pfad auf dem Server oder eine URL).',
  'contributions.repository-removed':
    'Amtsträger haben ein Repository entfernt (abgemeldet): Es wird nicht mehr synchronisiert oder aufgeführt; seine Commits bleiben erfasst und zählen weiter in bereits geleisteten Beiträgen.',
  'contributions.repository-synced':
    'Ein Repository wurde eingelesen: die bisher ungesehenen Commits, die bewegten Refs und die DCO-Fehler unter den neuen Commits.',
  'contributions.repository-updated':
    'Amtsträger haben die Einstellungen eines Repositorys geändert (Name, Ort, Standardbranch oder Bot-Muster); die Daten enthalten die neuen Werte des Geänderten.',
  'contributions.sync-failed':
    'Ein Repository konnte nicht synchronisiert werden (URL nicht erreichbar, Pfad fehlt); der Fehler wird beim Repository angezeigt.',
  'coop.created':
    'Die Genossenschaft wurde eingerichtet (mit dem Einrichtungsassistenten, `coop init` oder `coop create`).',
  'cycle.availability-set':
    'Die Stunden eines Hackers für den Zyklus wurden festgelegt: die Kapazität, die der Plan aufteilt.',
  'cycle.created':
    'Ein Planungszyklus wurde für Vorschläge eröffnet, mit seinen Terminen und seiner Umfragemethode.',
  'cycle.hacker-declared':
    'Ein Hacker hat erklärt, wie er oder sie den eigenen Teil am Anteil der Hacker verwendet.',
  'cycle.phase-changed':
    'Ein Zyklus ging in die nächste Phase über (von den Vorschlägen zur Abstimmung, vom Plan zur Umsetzung …), zu seiner Frist oder durch Amtsträger.',
  'cycle.plan-published':
    'Die Abstimmung endete, und der Plan des Zyklus wurde aus den Stimmen berechnet: die Kapazität der Hacker und ihre Aufteilung auf die Anteile.',
  'cycle.sponsor-voted':
    'Eine Sponsororganisation hat ihre Punkte auf die Sponsorenpakete verteilt (oder neu verteilt).',
  'cycle.survey-answered':
    'Ein Mitglied der Community hat die Umfrage des Zyklus beantwortet; was es gewählt hat, steht hier nicht.',
  'cycle.work-claimed':
    'Ein Hacker hat Stunden eines geplanten Pakets übernommen (oder mit 0 Stunden wieder abgegeben), oder Amtsträger haben sie zugewiesen.',
  'digest.preference-changed':
    'Ein Mitglied hat seine wöchentliche Erinnerungsübersicht ein- oder ausgeschaltet.',
  'digest.sent':
    'Die wöchentliche Erinnerungsübersicht ging hinaus: an jedes Mitglied, auf das die Genossenschaft wartet, mit dem, worauf sie wartet.',
  'dividend.declared':
    'Der Abschluss eines Geschäftsjahres ergab für ein Mitglied oder einen Sponsor eine Dividende: die Zahlen und die Grundlage ihrer Mitteilung.',
  'document.accepted':
    'Eine Dokumentversion wurde angenommen: von wem (mit Namen), welche Version und ihr SHA-256; die Adresse, von der die Annahme kam, wird bei der Annahme aufbewahrt, nicht im Protokoll.',
  'document.rendered':
    'Ein Dokument wurde aus seiner Vorlage befüllt und als PDF gesetzt: eine Version, die sich nie ändert.',
  'election.nominated':
    'Ein Mitglied wurde für eine Wahl nominiert (sofort angenommen, wenn es sich selbst nominiert hat).',
  'election.nomination-accepted':
    'Eine nominierte Person hat ihre Nominierung angenommen: Sie steht auf dem Stimmzettel.',
  'election.nomination-declined': 'Eine nominierte Person hat ihre Nominierung abgelehnt.',
  'expense.claim-approval-recorded':
    'Eine freigebende Person hat eine Auslage freigegeben, die eine zweite Freigabe braucht.',
  'expense.claim-approved': 'Eine Auslage hat die nötigen Freigaben: Sie kann ausgezahlt werden.',
  'expense.claim-created': 'Ein Mitglied hat eine Auslage als Entwurf angelegt.',
  'expense.claim-edited':
    'Wer eine Auslage eingereicht hat, hat ihren Entwurf geändert; die Daten enthalten die geänderten Felder.',
  'expense.claim-paid':
    'Eine freigegebene Auslage wurde ausgezahlt: Ihre Buchung steht in den Büchern.',
  'expense.claim-payment-reversed':
    'Die Buchung, mit der eine Auslage ausgezahlt wurde, wurde storniert: Die Auslage ist wieder freigegeben.',
  'expense.claim-rejected':
    'Eine freigebende Person hat eine Auslage abgelehnt, mit dem Grund, den die einreichende Person liest.',
  'expense.claim-submitted': 'Eine Auslage ging mit ihrem Beleg an die Freigebenden.',
  'expense.receipt-uploaded':
    'Ein Mitglied hat einen Beleg (ein Foto oder ein PDF) zu einer Auslage hochgeladen.',
  'funding.recorded':
    'Geld oder Arbeit eines Sponsors wurde als Förderung erfasst: von Hand oder durch eine Sponsorenzahlung in den Büchern (`entryId`). Sie gewichtet die Stimme des Sponsors.',
  'funding.reversed':
    'Die Buchung einer Sponsorenzahlung wurde in den Büchern storniert; eine Gegenzeile hebt ihre Förderung auf, sodass das Stimmgewicht den Büchern folgt.',
  'invitation.accepted':
    'Eine Einladung wurde angenommen: Die eingeladene Person ist jetzt Mitglied.',
  'invitation.revoked':
    'Eine offene Einladung wurde zurückgezogen; ihr Link funktioniert nicht mehr.',
  'invitation.sent': 'Jemand wurde über einen gemailten Link zum Beitritt eingeladen.',
  'invoice.dispute-changed':
    'Eine Rechnung wurde als strittig markiert (Mahnungen ruhen), oder der Streit wurde beigelegt.',
  'invoice.draft-changed':
    'Ein Rechnungsentwurf wurde geändert oder gelöscht (`deleted` ist true).',
  'invoice.drafted': 'Eine Rechnung oder Rechnungskorrektur wurde entworfen (noch ohne Nummer).',
  'invoice.finalized':
    'Eine Rechnung oder Rechnungskorrektur wurde festgeschrieben: Sie erhielt die nächste Nummer ihres Nummernkreises und buchte ihre Forderung, ihren Ertrag und ihre Umsatzsteuer.',
  'invoice.hold-changed':
    'Ein vorbereiteter Entwurf wurde zurückgehalten (seine Bestellung ist ausgeschöpft) oder freigegeben (eine Bestellung deckt ihn jetzt).',
  'invoice.reminder-sent':
    'Eine Mahnstufe (eine Zahlungserinnerung, eine letzte Mahnung) wurde für eine überfällige Rechnung per Mail verschickt.',
  'invoice.renewal-prepared':
    'Eine Verlängerung hat den Rechnungsentwurf für einen Abrechnungszeitraum der nächsten Laufzeit eines Vertrags vorbereitet; `heldReason` sagt, warum er auf eine Bestellung wartet.',
  'invoice.sent':
    'Eine festgeschriebene Rechnung oder Rechnungskorrektur wurde mit ihrem PDF und ihrer E-Rechnung im Anhang an die Rechnungskontakte des Käufers geschickt.',
  'invoice.settled':
    'Eine Zahlung (von Hand oder aus einem Kontoumsatz) oder eine Rechnungskorrektur hat eine Rechnung ganz oder teilweise ausgeglichen; die Daten enthalten ihren neuen Stand.',
  'invoicing.settings-changed':
    'Die Angaben zum Verkäufer, die Präfixe der Nummernkreise, die Zahlungsbedingungen oder die Mahnstufen wurden geändert.',
  'ledger.bank-line-booked': 'Ein Kontoumsatz ohne Zuordnung wurde auf ein Konto gebucht.',
  'ledger.bank-line-ignored':
    'Ein Kontoumsatz hat die Prüfliste verlassen, ohne gebucht zu werden.',
  'ledger.bank-line-matched':
    'Die vorgeschlagene Zuordnung eines Kontoumsatzes wurde bestätigt (`how`: eine Buchung, eine Sponsorenzahlung, eine Auslage, ein Gehalt).',
  'ledger.bank-line-reopened':
    'Die Buchung, die ein Kontoumsatz ausglich (oder die ihm vorgeschlagen war), wurde storniert: Der Umsatz wartet wieder in der Prüfliste.',
  'ledger.budget-removed':
    'Eine Budgetzeile wurde von Amtsträgern zurückgenommen oder durch einen von den Mitgliedern beschlossenen Haushalt ersetzt (`replacedByPollId`).',
  'ledger.budget-set':
    'Eine Budgetzeile wurde von Amtsträgern eingetragen oder per Abstimmung beschlossen (`pollId`).',
  'ledger.csv-mapping-saved':
    'Die CSV-Spaltenzuordnung einer Bank wurde unter einem Namen gespeichert.',
  'ledger.entry-posted':
    'Eine ausgeglichene Buchung wurde erfasst (von Hand, durch eine Zahlung, eine Lohnabrechnung, ein Storno, einen Abschluss); Beträge in der kleinsten Währungseinheit.',
  'ledger.period-locked':
    'Ein Zeitraum (ein Monat, ein Jahr) wurde abgeschlossen: Nichts wird mehr in ihn gebucht.',
  'ledger.period-reopened':
    'Amtsträger haben einen abgeschlossenen Zeitraum mit Angabe eines Grundes wieder geöffnet.',
  'ledger.statement-imported':
    'Ein Kontoauszug wurde importiert: seine neuen Umsätze zugeordnet, mit Vorschlag versehen oder zur Prüfung zurückgelegt.',
  'ledger.year-closed':
    'Ein Geschäftsjahr wurde abgeschlossen: sein Ergebnis in den einbehaltenen Überschuss, Rücklagen und Dividenden gebucht, das Jahr gesperrt.',
  'mail.queued':
    'Eine Mail wurde in den Postausgang geschrieben; ihre Gegenstands-ID ist die Zeile im Postausgang.',
  'member.joined':
    'Eine Person ist beigetreten: bei der Einrichtung, über eine angenommene Einladung, einen Import oder die Demo (`via`).',
  'member.profile-updated':
    'Ein Mitglied hat seinen Anzeigenamen oder seine Sprache geändert; beide werden so angegeben, wie sie jetzt sind.',
  'members.imported':
    'Eine CSV-Datei mit Mitgliedern wurde importiert; nur Anzahlen, nie die Codes.',
  'membership.status-changed':
    'Eine Mitgliedschaft wechselte zwischen Antragsteller, aktiv, ruhend und ausgetreten, mit dem Grund.',
  'officer.appointed':
    'Ein Mitglied hat ein Amt für eine Amtszeit angetreten, deren Dauer die Satzung festlegt; `pollId`, wenn gewählt.',
  'officer.term-ended':
    'Die Amtszeit von Amtsträgern endete vor ihrem Enddatum (von Hand oder weil die Gewählten einer Wahl ihr Amt antreten).',
  'opportunity.moved':
    'Eine Verkaufschance kam in eine andere Phase; eine verlorene sagt, warum, eine gewonnene nennt den Vertrag, sofern bekannt.',
  'opportunity.opened':
    'Eine Verkaufschance mit einer Organisation wurde eröffnet (von Amtsträgern oder von selbst für eine Verlängerung).',
  'opportunity.updated':
    'Die Angaben einer Verkaufschance wurden geändert; `fields` nennt, welche, nie ihre Werte.',
  'organization.contact-added':
    'Eine Person wurde Kontakt der Organisation in einer Rolle (Rechnungen, Fürsprache …).',
  'organization.contact-removed':
    'Eine Person ist nicht mehr Kontakt der Organisation in einer Rolle.',
  'organization.created':
    'Eine Organisation (ein Sponsor, eine Behörde, eine Stiftung) wurde angelegt.',
  'organization.updated':
    'Die Angaben einer Organisation wurden geändert; `fields` nennt, welche, nie ihre Werte.',
  'payroll.posted':
    'Die Lohnabrechnung eines Monats wurde gebucht (der Gegenstand ist der Monat, JJJJ-MM); `replaces` nennt die Buchung eines stornierten Laufs.',
  'payroll.salary-ended':
    'Das Gehalt eines Hackers endet nach einem Tag (er oder sie geht oder arbeitet unbezahlt).',
  'payroll.salary-set':
    'Das Gehalt eines Hackers ab einem Tag wurde festgelegt; das bis dahin geltende Gehalt endet (`closes`).',
  'poll.closed':
    'Eine Abstimmung wurde beendet und ausgezählt; eine angenommene Satzungsänderung oder ein angenommener Haushalt wurde beschlossen, gewählte Amtsträger traten ihr Amt an.',
  'poll.created':
    'Ein Antrag wurde zur Abstimmung gestellt oder eine Wahl ausgerufen (die Nominierung beginnt).',
  'poll.opened':
    'Der Wahlgang einer Abstimmung wurde geöffnet, zu seinem Zeitpunkt oder durch Amtsträger.',
  'poll.paper-ballots-imported':
    'Auf Papier abgegebene Stimmzettel wurden einer offenen Rangfolge-Abstimmung aus einer BLT-Datei hinzugefügt.',
  'poll.reminded':
    'Am Tag vor dem Ende erhielten die Mitglieder, die noch nicht abgestimmt hatten, eine Erinnerung per Mail.',
  'poll.vote-changed': 'Ein Mitglied hat seinen Stimmzettel vor dem Ende geändert.',
  'poll.voted':
    'Ein Mitglied hat seinen Stimmzettel abgegeben; was es gewählt hat, steht nie im Protokoll.',
  'purchase-order.draw-released':
    'Ein Abruf gegen eine Bestellung wurde freigegeben (seine Rechnung wurde storniert oder durch eine Rechnungskorrektur ausgeglichen).',
  'purchase-order.drawn':
    'Eine Rechnung wurde gegen eine Bestellung abgerufen; `remaining` ist, was danach übrig bleibt.',
  'purchase-order.recorded':
    'Eine Bestellung des Käufers (Nummer, Betrag, Gültigkeit) wurde zu einem Vertrag erfasst.',
  'quote.accepted':
    'Der Käufer hat ein Angebot über seinen Link angenommen; der daraus entstehende Vertrag wurde angelegt.',
  'quote.closed':
    'Ein Angebot wurde vom Käufer abgelehnt oder von der Genossenschaft zurückgezogen.',
  'quote.drafted': 'Für eine Organisation wurde ein Angebot entworfen.',
  'quote.sent':
    'Ein Angebot wurde als PDF erzeugt und sein Annahmelink per Mail verschickt; der Link selbst steht nie im Protokoll.',
  'quote.updated': 'Die Positionen oder Bedingungen eines Angebotsentwurfs wurden geändert.',
  'registration-code.issued':
    'Ein Mitglied erhielt per Mail einen neuen einmaligen Registrierungscode; frühere unbenutzte Codes gelten nicht mehr.',
  'release.edited':
    'Ein geplantes Release oder eine geplante Änderung wurde bearbeitet, bevor es bzw. sie in Kraft trat.',
  'release.planned':
    'Ein Release oder eine geplante Änderung (Abkündigung, Ende der Unterstützung, inkompatible Änderung) wurde angekündigt.',
  'release.published':
    'Ein Release oder eine geplante Änderung wurde veröffentlicht: Es bzw. sie ist in Kraft getreten.',
  'release.withdrawn':
    'Ein Release oder eine geplante Änderung wurde zurückgezogen: Es bzw. sie findet nicht statt oder wurde widerrufen.',
  'service-calendar.set':
    'Der Servicekalender einer Organisation (Zeitzone, Arbeitszeiten, Feiertage, Schließtage) wurde festgelegt.',
  'service-clock.breached': 'Eine Uhr hat ihre Frist unerfüllt erreicht.',
  'service-clock.met': 'Eine Uhr wurde vor ihrer Frist eingehalten.',
  'service-clock.paused':
    'Eine Uhr, deren Ziel es erlaubt, wurde angehalten, während die Genossenschaft auf den Sponsor wartet.',
  'service-clock.resumed': 'Eine angehaltene Uhr läuft wieder, mit ihrer neuen Frist.',
  'service-clock.started':
    'Eine Service-Level-Uhr wurde gestartet: ein Ziel mit seiner Frist, für eine Anfrage oder eine Schwachstelle.',
  'service-clock.warned':
    'Eine laufende Uhr hat 80 % ihres Ziels verbraucht: Amtsträger werden vor einer Verletzung gewarnt.',
  'service-credit.confirmed':
    'Amtsträger haben eine vorgeschlagene Servicegutschrift bestätigt: Sie wird als Rechnungskorrektur zur nächsten Rechnung des Sponsors ausgestellt.',
  'service-credit.declined':
    'Eine vorgeschlagene Servicegutschrift wurde mit Grund abgelehnt (von Amtsträgern oder weil die Verletzung zurückgenommen wurde).',
  'service-credit.issued':
    'Eine bestätigte Servicegutschrift wurde ganz oder teilweise als Rechnungskorrektur zur Rechnung des Sponsors ausgestellt; `remaining` wartet auf die nächste Rechnung.',
  'service-credit.proposed':
    'Eine verletzte Uhr hat eine Servicegutschrift nach dem Vertrag vorgeschlagen: einen Teil der Periodengebühr des Abrechnungszeitraums, innerhalb der Obergrenze des Zeitraums; Amtsträger bestätigen oder lehnen sie ab.',
  'session.ended': 'Ein Mitglied hat sich abgemeldet.',
  'session.started':
    'Ein Mitglied hat sich angemeldet, mit einem Passwort, einem einmaligen Registrierungscode oder einem gemailten Anmeldelink.',
  'sponsor-digest.mailed':
    'Ein versandter Bericht wurde an die Vertretungen des Sponsors gemailt (Text, HTML und PDF).',
  'sponsor-digest.note-edited':
    'Amtsträger haben die Notiz im Bericht eines Sponsors vor dem Versand bearbeitet.',
  'sponsor-digest.prepared':
    'Der Bericht eines Sponsors für einen Zeitraum wurde zusammengestellt (erneut, solange er noch nicht versandt ist).',
  'sponsor-digest.sent':
    'Amtsträger haben den Bericht eines Sponsors versandt: Er steht von nun an fest, geht mit seinem PDF per Mail hinaus und bleibt im Portal des Sponsors.',
  'sponsor-labour.confirmed':
    'Die Arbeit eines Sponsors wurde bestätigt: Ihre Stunden zählen jetzt zum Arbeitssatz der Satzung als Förderung.',
  'sponsor-labour.logged':
    'Eine Fachkraft eines Sponsors hat Stunden an einem Arbeitspaket der Genossenschaft erfasst; ein Hacker oder Amtsträger bestätigt sie.',
  'sponsor-labour.rejected':
    'Die erfassten Stunden eines Sponsors wurden abgelehnt; sie haben nie gezählt.',
  'sponsor-labour.reversed':
    'Bestätigte Arbeit wurde storniert: Eine Gegenzeile nimmt ihre Stunden wieder aus der Förderung des Sponsors heraus.',
  'sponsor-request.opened':
    'Eine Vertretung eines Sponsors hat eine Frage gestellt oder einen Vorfall gemeldet.',
  'sponsor-request.reopened': 'Eine erledigte Anfrage wurde vom Sponsor wieder geöffnet.',
  'sponsor-request.replied':
    'Jemand hat im Verlauf einer Anfrage geantwortet: die Genossenschaft (ein Mensch, also eine menschliche Antwort) oder der Sponsor.',
  'sponsor-request.resolved': 'Eine Anfrage wurde erledigt.',
  'sponsor-request.waiting-on-sponsor':
    'Die Genossenschaft wartet auf den Sponsor (eine Antwort, einen Zugang, einen Test); die Uhren, die es erlauben, ruhen, bis der Sponsor antwortet.',
  'tier.created': 'Eine Sponsoringstufe wurde angelegt, in Version 1.',
  'tier.listing-changed':
    'Eine Stufe wurde auf der öffentlichen Seite gezeigt oder verborgen, archiviert oder wieder angeboten.',
  'tier.revised':
    'Eine Stufe erhielt eine neue Version (Preis oder Leistungen); Verträge behalten die Version, auf die sie festgelegt sind.',
  'time.imported': 'Zeiteinträge wurden aus einer Datei importiert.',
  'time.logged': 'Die Stunden eines Hackers an einem Arbeitspaket wurden erfasst.',
  'transparency.checkpoint-cosigned':
    'Der Zeuge eines Mitglieds hat geprüft, dass ein Checkpoint den zuletzt gesehenen fortsetzt, und ihn mitsigniert; der Gegenstand ist die Baumgröße.',
  'transparency.witness-registered':
    'Ein Mitglied hat einen Zeugenschlüssel registriert: Sein Client darf jetzt die Checkpoints des Protokolls mitsignieren.',
  'vulnerability.disclosed':
    'Eine Schwachstelle wurde zum Zeitpunkt t0 öffentlich: Jedem berechtigten Sponsor steht binnen 6 Stunden eine Auswirkungsnotiz zu und 24 Stunden lang binnen 6 Stunden eine menschliche Antwort auf seine Anfragen.',
  'vulnerability.impact-note-recorded':
    'Die Auswirkungsnotiz für einen Sponsor wurde erfasst (die Notiz selbst bleibt in ihrer Tabelle).',
  'vulnerability.prenotified':
    'Ein Sponsor wurde über eine Schwachstelle unter Embargo informiert.',
  'vulnerability.recorded':
    'Eine Schwachstelle wurde erfasst (unter Embargo bis zur Offenlegung); nur ihr Schweregrad steht im Ereignis.',
  'webhook.deliveries-replayed':
    'Zustellungen an einen Webhook-Endpunkt wurden vom ersten Versuch an erneut gesendet.',
  'webhook.endpoint-deleted': 'Ein Webhook-Endpunkt wurde samt seinen Zustellungen gelöscht.',
  'webhook.endpoint-disabled':
    'Ein Webhook-Endpunkt empfängt keine Ereignisse mehr: durch Amtsträger deaktiviert oder automatisch, nachdem seine Zustellungen immer wieder fehlschlugen.',
  'webhook.endpoint-enabled': 'Ein deaktivierter Webhook-Endpunkt wurde wieder aktiviert.',
  'webhook.endpoint-registered':
    'Amtsträger haben einen Webhook-Endpunkt registriert; `origin` ist sein Schema, Host und Port.',
  'webhook.endpoint-updated':
    'URL, Beschreibung oder Ereignistypen eines Webhook-Endpunkts wurden geändert; `fields` nennt, welche.',
  'webhook.secret-rotated':
    'Ein Webhook-Endpunkt erhielt ein neues Signaturgeheimnis; das alte signiert mit, bis es abläuft.',
  'work-item.merged': 'Doppelte Arbeitspakete wurden geschlossen und in dieses zusammengeführt.',
  'work-item.proposed':
    'Ein Arbeitspaket wurde vorgeschlagen, importiert oder durch Aufteilen eines anderen gebildet (`via` sagt, wie).',
  'work-item.split':
    'Ein Arbeitspaket wurde in mehrere aufgeteilt; es bleibt erhalten, als aufgeteilt markiert.',
};
