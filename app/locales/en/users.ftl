### Users of an account: the list, adding, editing, deactivating.

users-search-label = Search users
users-search-placeholder = Name or e-mail
users-invitations = Invitations
users-invitation-expired = Expired: add the address again to send a new invitation
users-none = No users match.
users-col-name = Name
users-you = you
users-added = The user was added and an e-mail is on its way to them.
users-invited = This address already has a Rootline user, so they were invited by e-mail. They join, and you see their details, only when they accept.
users-deactivated = The user was deactivated; their sessions have ended.
users-role-offered = Role offered
users-invited-on = Invited
users-invitation-pending = Invited
users-pager = Page { $page } of { $pages } · { $total ->
        [one] { $total } user
       *[other] { $total } users
    }
users-cannot-change = This user's role can do things yours cannot, so you cannot change or deactivate them. Ask an administrator.
users-back = Back to users
users-shared = This user also belongs to another account, so their name, mobile number and designation are theirs to change, on their profile. You set their role, group access and employee ID here.
users-cancel = Cancel
users-deactivate-explain = The user is signed out at once and cannot sign in to this account again.
users-deactivate = Deactivate user
users-new = New user
users-new-lead = The user gets an e-mail with a link to choose their password.
users-adding = Adding…
member-status-pending = Pending activation
member-status-active = Active
member-status-deactivated = Deactivated
users-all-groups = All groups
users-specific-groups = Specific groups
