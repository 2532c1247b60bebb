### Groups: the list, a group's page (users, domains, logo, credits), and the audit log.

groups-saved = The group was saved.
groups-list = Groups
groups-one-group = Your account has one group. The Rootline operator can enable multiple groups.
groups-add-heading = Add a group
groups-add-submit = Add group
groups-all = All groups

group-name = Group name
group-description = Description
group-finance-mode = Finance mode
group-from-account = Deduct from the account balance
group-from-group = Deduct from the group balance
group-spend-limit = Spend limit
group-spend-limit-hint = e.g. 2500.00; empty for no limit.
group-renewal-emails = Renewal e-mail addresses
group-renewal-emails-hint = Separated by commas.
group-restricted = Only users added to the group use it
group-default = default
group-renewal-emails-fact = Renewal e-mails
group-domains = Domains
group-all-domains = All domains of the account
group-used-by = Used by
group-used-by-members = Users added to it
group-used-by-everyone = Every user with access to all groups, and users added to it
group-details-link = Users, domains and logo of { $name }
group-edit = Edit
group-save-submit = Save group

# A group's page.
group-member-added = The user was added to the group.
group-member-removed = The user was removed from the group.
group-domain-added = The group now orders only for its listed domains.
group-domain-removed = The domain was taken off the group.
group-logo-saved = The logo was saved.
group-logo-removed = The logo was removed.
group-credits-allocated = The credits were allocated to the group.
group-credits-returned = The credits were returned to the account balance.
group-used-by-members-only = Only users added to the group use it.
group-used-by-all = Every user with access to all groups uses it, and so do users added to it.
group-users-table = Users of the group
group-user-name = Name
group-through = Through
group-actions = Actions
group-remove-from = Remove { $name } from the group
group-through-member = Added to the group
group-through-all = Access to all groups
group-remove = Remove
group-add-member-heading = Add a user to the group
group-user = User
group-add-member = Add to the group
group-domains-specific = Specific: the group orders only for these domains and their sub-domains.
group-domains-list = Domains of the group
group-domains-all = All: the group orders for every domain of the account. Add a domain to limit it to specific ones.
group-domain-of-account = Domain of the account
group-domain-limit = Limit the group to this domain
group-domains-add-first = To limit the group to specific domains, add them on the Domains page first.
group-logo = Logo
group-logo-alt = Logo of { $name }
group-logo-remove = Remove the logo
group-logo-none = The group has no logo.
group-logo-file = Logo file (PNG or JPEG, at most 200 KB)
group-logo-chosen = The chosen logo
group-logo-upload = Upload logo
group-logo-unreadable = The file could not be read; choose it again.
group-credits = Credits
group-paid-from = Orders are paid from
group-paid-from-account-explain = This group's orders are paid from the account balance. To give it credits of its own, edit the group and choose "Deduct from the group balance".
group-allocate = Allocate credits
group-allocate-hint = Moved from the account balance to the group.
group-deallocate = De-allocate credits
group-deallocate-hint = Moved from the group back to the account balance.
group-credit-history = Credit history
group-amount = Amount

# The audit log.
audit-filter-label = Filter the audit log
audit-module = Module
audit-all-modules = All modules
audit-user = User
audit-user-placeholder = Name or e-mail
audit-filter = Filter
audit-none = No entries match these filters.
audit-table = Audit entries
audit-time = Time (UTC)
audit-action = Action
audit-ip = IP address
audit-summary = Summary
audit-pager = Page { $page } of { $pages } · { $total } entries


# The group every account starts with, named in the language of whoever activated it.
group-default-name = Default group
group-default-description = Every account's first group.
group-organizations = Organizations
group-organization-added = The group now orders only for its listed organizations.
group-organization-removed = The organization was taken off the group.
group-organizations-specific = Specific: the group's OV orders name only these organizations.
group-organizations-list = Organizations of the group
group-organizations-all = All: the group's OV orders may name any organization of the account. Add one to limit it to specific ones.
group-organization-of-account = Organization of the account
group-organization-limit = Limit the group to this organization
group-organizations-add-first = To limit the group to specific organizations, add them on the Organizations page first.
