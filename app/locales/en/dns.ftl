### Why a DNS lookup failed, and why a failed CAA lookup does not count as permission to issue
### (TLS BR 3.2.2.8 and 3.2.2.8.1). Keys start with err-dns- and err-caa-failure-.

err-dns-bogus = DNSSEC validation failed (bogus): { $detail }
err-dns-indeterminate = DNSSEC validation failed (indeterminate): { $detail }
err-dns-server-error = the DNS server answered { $rcode }
err-dns-timeout = no answer in time
err-dns-local = this host could not ask: { $detail }
err-dns-unclassified = the lookup failed: { $detail }
err-caa-failure-dnssec = { $failure }; a DNSSEC validation error never counts as permission to issue
err-caa-failure-inside = { $failure }; the failure is not shown to lie outside this CA's own resolver, so it cannot count as permission to issue
err-caa-failure-not-retried = { $failure }; the lookup was made only once, so the failure cannot count as permission to issue
err-caa-failure-signed = { $failure } (asked { $attempts ->
        [one] once
       *[other] { $attempts } times
    }); { $name } is in a zone signed with DNSSEC, so a failed lookup cannot count as permission to issue
err-caa-failure-unproven = { $failure } (asked { $attempts ->
        [one] once
       *[other] { $attempts } times
    }); DNSSEC did not prove the zone of { $name } unsigned, so a failed lookup cannot count as permission to issue
