organization-type-private-organization = Private organization
organization-type-government-entity = Government entity
organization-type-business-entity = Business entity
organization-type-non-commercial-entity = Non-commercial entity

organization-status-draft = Draft
organization-status-submitted = Submitted
organization-status-in-validation = In validation
organization-status-verified-ov = Verified OV
organization-status-verified-ev = Verified EV
organization-status-rejected = Rejected
organization-status-suspended = Suspended
organization-status-expired = Expired

page-organizations = Organizations
page-add-organization = Add organization
page-organization = Organization
page-edit-organization = Edit organization
menu-organizations = Organizations
refusal-organizations = Your role does not allow you to see the account's organizations.
refusal-manage-organizations = Your role does not allow you to add or change organizations. Ask an administrator or a manager.

organizations-search-label = Search organizations
organizations-search-placeholder = Name or registration number
organizations-status-any = Any status
organizations-export = Export to Excel
organizations-none = No organizations match. An OV or EV certificate names an organization that has been vetted: add one to start.
organizations-col-legal-name = Legal name
organizations-col-jurisdiction = Jurisdiction
organizations-col-verified-until = Verification valid until
organizations-col-updated = Last changed
organizations-trading-as = Trading as { $name }
organizations-pager = Page { $page } of { $pages } · { $total ->
        [one] { $total } organization
       *[other] { $total } organizations
    }

organizations-new-lead = Enter the organization exactly as its registration shows it. Once it is saved, add its registration documents and send it for validation.
organizations-save-draft = Save as draft
organizations-save = Save changes
organizations-request-modification = Request modification
organizations-modification-warning = This organization is verified. Saving a change sends it back for validation, and it cannot be named on new OV or EV orders until it is verified again.
organizations-not-editable = The organization is with the validation team or suspended, so it cannot be changed now.

organizations-added = Organization saved as a draft. Add its registration documents, then send it for validation.
organizations-saved = Changes saved.
organizations-modification-sent = Modification requested: the organization is back with the validation team.
organizations-submitted = Sent for validation. We will e-mail you when the validation team has decided.
organizations-suspended = Organization suspended: orders can no longer name it.
organizations-alternate-added = Alternate representative added.
organizations-alternate-removed = Alternate representative removed.
organizations-document-added = Document added.
organizations-document-removed = Document removed.
organizations-back = Back to organizations

organizations-rejected-because = Not verified:
organizations-created = Added on
organizations-submitted-on = Sent for validation on
organizations-needs-document = Add at least one registration document (a certificate of incorporation, a registration extract or a government letter) before sending the organization for validation.
organizations-edit = Edit
organizations-submit = Send for validation
organizations-suspend = Suspend

organizations-section-identity = Organization
organizations-section-jurisdiction = Jurisdiction of incorporation or registration
organizations-section-address = Address
organizations-section-representative = Representative
organizations-section-representatives = Representatives
organizations-section-documents = Registration documents
organizations-representative-hint = The person the validation team contacts to confirm the request, usually an officer of the organization.
organizations-field-legal-name = Legal name
organizations-field-legal-name-hint = As registered, at most 64 characters (it becomes the certificate's organization name).
organizations-field-trade-name = Trade name (DBA)
organizations-field-trade-name-hint = Only when the organization trades under another name.
organizations-field-type = Organization type
organizations-choose-type = Choose a type
organizations-field-registration-number = Registration or incorporation number
organizations-field-registration-number-hint = Required except for government entities.
organizations-field-registration-agency = Registration agency
organizations-field-registration-agency-hint = The registry that holds the registration, e.g. Registrar of Companies, Bengaluru.
organizations-field-jurisdiction-country = Country
organizations-field-jurisdiction-state = State or province (if registered there)
organizations-field-jurisdiction-locality = City or town (if registered there)
organizations-field-street = Street address
organizations-field-city = City
organizations-field-state = State or province
organizations-field-postal-code = Postal code
organizations-field-phone = Organization phone number
organizations-field-rep-phone = Phone number

organizations-col-role = Role
organizations-role-representative = Representative
organizations-role-alternate = Alternate representative
organizations-add-alternate = Add alternate representative
organizations-remove-alternate = Remove { $name }

organizations-documents-hint = The validation team reads the registration from these. They are kept apart from the record and shown only to your account and the validation team.
organizations-no-documents = No documents yet.
organizations-col-file = File
organizations-col-kind = Type
organizations-col-size = Size
organizations-col-uploaded = Uploaded
organizations-size-kib = { $kib } KiB
organizations-remove-document = Remove { $name }
organizations-document-label = Registration document
organizations-document-hint = PDF, PNG or JPEG, at most { $mib } MiB.
organizations-upload = Upload document

err-organization-field-too-long = Use at most { $max } characters.
err-organization-name-64 = A certificate's organization name holds at most { $max } characters. Use the registered abbreviation if the name is longer.
err-enter-phone-number = Enter a phone number.
err-choose-organization-type = Choose the organization type.
err-enter-registration-number = Enter the registration or incorporation number.
err-enter-registration-agency = Enter the registry that holds the registration.
err-enter-street = Enter the street address.
err-enter-city = Enter the city.
err-enter-designation = Enter the representative's designation.
err-what-registration-number = registration number
err-what-registration-agency = registration agency
err-what-state = state or province
err-what-locality = city or town
err-what-street = street address
err-what-postal-code = postal code
err-no-such-organization-status = Choose a status from the list.
err-search-too-long = Search for at most 100 characters.
err-organization-not-editable = The organization is { $status } and cannot be changed now.
err-organization-not-submittable = The organization is { $status } and cannot be sent for validation.
err-organization-needs-document = Add at least one registration document before sending the organization for validation.
err-organization-alternates-max = An organization has at most { $max } alternate representatives.
err-organization-documents-closed = The organization is { $status }: its documents cannot change. Edit the organization to request a modification.
err-organization-documents-kept = The organization is { $status }: documents the validation team may be reading stay.
err-document-choose-file = Choose a file to upload.
err-document-too-large = The file is larger than { $mib } MiB. Upload a smaller scan.
err-document-type = Upload a PDF, PNG or JPEG file. The file's contents are checked, not its name.
err-documents-max = An organization keeps at most { $max } documents. Remove one first.
