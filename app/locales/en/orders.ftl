### Orders: the list, its search, and the words for an order's state.

orders-only-csr = Showing only the orders waiting for their CSR.
orders-only-expiring = Showing only the certificates that end within { $days } days.
orders-show-all = Show all orders
orders-new-request = New request
orders-new-smime = New S/MIME order
orders-search-label = Search orders
orders-domain = Domain
orders-status = Status
orders-any-status = Any status
orders-product = Product
orders-tag = Tag
orders-none = No orders match this search.
orders-table = Orders
orders-col-order = Order
orders-col-domain = Domain
orders-col-product = Product
orders-col-status = Status
orders-col-price = Price
orders-col-placed-by = Placed by
orders-col-placed = Placed
orders-col-source = Source
orders-certificate-state = Certificate { $state }
orders-pager = Page { $page } of { $pages } · { $total ->
        [one] { $total } order
       *[other] { $total } orders
    }

order-status-on-hold = On Hold
order-status-pending-approval = Order Pending for Approval
order-status-pending-parent-approval = Order pending for parent approval
order-status-accepted = Order Accepted
order-status-in-progress = Order in progress
order-status-fulfilled = Order Fulfilled
order-status-cancelled = Order Cancelled
order-status-rejected = Order Rejected

certificate-state-valid = valid
certificate-state-expired = expired
certificate-state-revoked = revoked
certificate-title-valid = Valid
certificate-title-expired = Expired
certificate-title-revoked = Revoked
