ev-step-requester-consent = Zgoda wnioskodawcy
ev-step-subscriber-agreement = Umowa subskrybenta
ev-step-approval = Zatwierdzenie wniosku EV
ev-steps-heading = Zatwierdzenia EV
ev-steps-pending = czeka na odpowiedź
ev-steps-approved = udzielone { $when }
ev-steps-rejected = odrzucone: { $reason }

err-ev-reject-reason-required = Podaj powód odrzucenia wniosku: przeczyta go wnioskodawca.
err-ev-reject-reason-too-long = Powód może mieć najwyżej { $max } znaków.
err-ev-answer-approve-or-reject = Wybierz: zatwierdzić czy odrzucić.
err-ev-answered-already = Na ten wniosek już odpowiedziano; odpowiedź pozostaje w mocy.
err-ev-agreement-changed = Od otwarcia tej strony opublikowano nową wersję umowy subskrybenta. Przeczytaj ją i zaakceptuj tę wersję.
err-ev-no-agreement = Urząd certyfikacji nie opublikował jeszcze umowy subskrybenta, więc nie można jej zaakceptować. Skontaktuj się z urzędem certyfikacji.
err-ev-not-your-approval = Na ten wniosek może odpowiedzieć tylko zatwierdzający certyfikat wskazany w zamówieniu.

page-ev-link = Wniosek o certyfikat EV
ev-link-consent-lead = { $name }, w Twoim imieniu złożono wniosek o certyfikat EV dla { $organization } (zamówienie nr { $id }, { $product }). Potwierdź, że to Twój wniosek.
ev-link-agreement-lead = { $name }, wskazano Cię jako sygnatariusza umowy w imieniu { $organization } dla certyfikatu EV (zamówienie nr { $id }, { $product }), o który wnioskuje { $requester }. Przeczytaj umowę subskrybenta i zaakceptuj ją w imieniu organizacji.
ev-link-approval-lead = { $name }, wskazano Cię jako zatwierdzającego certyfikat w imieniu { $organization } dla certyfikatu EV (zamówienie nr { $id }, { $product }), o który wnioskuje { $requester }. Zatwierdź wniosek albo odrzuć go, podając powód.
ev-link-organization = Organizacja
ev-link-names = Nazwy
ev-link-requester = Wnioskodawca
ev-link-answered-yes = Dziękujemy: Twoja odpowiedź została zapisana. Wniosek jest realizowany dalej.
ev-link-answered-no = Odrzucenie zostało zapisane, a wnioskodawca powiadomiony. Dla tego wniosku nie zostanie wystawiony certyfikat.
ev-link-consent-yes = To mój wniosek
ev-link-consent-no = Nie składałem tego wniosku
ev-link-agreement-yes = Akceptuję umowę w imieniu organizacji
ev-link-agreement-no = Odrzuć umowę
ev-link-approval-yes = Zatwierdź wniosek
ev-link-approval-no = Odrzuć wniosek
ev-link-agreement-title = { $title } (wersja { $version })
ev-link-reason = Powód, jeśli odrzucasz
ev-link-reason-hint = Przeczyta go wnioskodawca.

page-ev-approvals = Zatwierdzenia wniosków EV
menu-ev-approvals = Zatwierdzenia EV
refusal-ev-approvals = Twoja rola nie pozwala oglądać wniosków EV.
ev-approvals-lead = Wnioski konta o certyfikaty EV i odpowiedź ich zatwierdzającego. Jeśli jesteś zatwierdzającym wniosku, zatwierdź go lub odrzuć tutaj albo przez link z wiadomości e-mail.
ev-approvals-done = Twoja odpowiedź została zapisana.
ev-approvals-empty = Nie ma wniosków EV dla Ciebie.
ev-approvals-waiting = Czeka na zatwierdzającego
ev-approvals-approved = Zatwierdzony
ev-approvals-rejected = Odrzucony
ev-approvals-product = Produkt
ev-approvals-approver = Zatwierdzający certyfikat
ev-approvals-placed = Złożony

wizard-signatories = Upoważnieni sygnatariusze (EV)
wizard-signatories-hint = Po opłaceniu zamówienia sygnatariusz umowy otrzyma e-mailem umowę subskrybenta do akceptacji, a zatwierdzający certyfikat — wniosek do zatwierdzenia. Może to być ta sama osoba, także Ty.
wizard-signer-name = Imię i nazwisko sygnatariusza umowy
wizard-signer-email = E-mail sygnatariusza umowy
wizard-approver-name = Imię i nazwisko zatwierdzającego certyfikat
wizard-approver-email = E-mail zatwierdzającego certyfikat

track-step-organization = Weryfikacja organizacji
err-acme-no-ev = Certyfikat EV wymaga przy każdym wniosku zgody i zatwierdzenia sygnatariuszy, których klient ACME nie może udzielić: wybierz produkt DV lub OV.
