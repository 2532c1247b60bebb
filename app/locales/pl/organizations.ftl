organization-type-private-organization = Organizacja prywatna
organization-type-government-entity = Podmiot rządowy
organization-type-business-entity = Podmiot gospodarczy
organization-type-non-commercial-entity = Podmiot niekomercyjny

organization-status-draft = Szkic
organization-status-submitted = Wysłana do weryfikacji
organization-status-in-validation = W weryfikacji
organization-status-verified-ov = Zweryfikowana (OV)
organization-status-verified-ev = Zweryfikowana (EV)
organization-status-rejected = Odrzucona
organization-status-suspended = Zawieszona
