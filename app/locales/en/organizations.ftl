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
