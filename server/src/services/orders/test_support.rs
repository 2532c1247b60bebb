//! The order service on a real store, CA and ledger with DNS and HTTP faked: the world the
//! order tests and the REST API's tests run in.

use std::sync::Arc;

use app::model::{order_status::OrderStatus, orders::OrderForm};

use super::{OrderDeps, OrderService};
use crate::{
    ca::test_support::{SECRET, openssl_csr, temp_dir},
    ports::{dns::FakeDns, http_fetch::FakeHttp, keys::KeySpec, random::CountingRandom},
    services::{
        billing::BillingService,
        catalog::{
            CatalogService,
            test_support::{administrator, operator},
        },
        identity::{
            Caller,
            test_support::{Harness, harness},
        },
        validation::{CheckOutcome, ValidationService},
    },
    store::orders,
};

pub(crate) struct World {
    pub(crate) h: Harness,
    pub(crate) dns: Arc<FakeDns>,
    pub(crate) orders: Arc<OrderService>,
    pub(crate) validation: Arc<ValidationService>,
    pub(crate) billing: BillingService,
    pub(crate) catalog: Arc<CatalogService>,
    pub(crate) admin: Caller,
    pub(crate) ops: Caller,
    /// The order service's mail waker: a stored permit means "woken since last taken".
    pub(crate) waker: crate::services::notifications::MailWaker,
}

pub(crate) async fn world() -> World {
    world_with(true).await
}

/// A world whose CA hierarchy was never created (`server ca init` not run).
pub(crate) async fn world_without_ca() -> World {
    world_with(false).await
}

/// A world whose operator has a GST registration: INR orders carry GST.
pub(crate) async fn world_with_gst(gst: crate::domain::gst::GstSettings) -> World {
    world_built(true, Some(gst)).await
}

async fn world_with(ca_created: bool) -> World {
    world_built(ca_created, None).await
}

async fn world_built(ca_created: bool, gst: Option<crate::domain::gst::GstSettings>) -> World {
    let h = harness().await;
    // The CA shares the services' clock, so renewal windows can be travelled to.
    let ca = Arc::new(crate::ca::test_support::authority_at(
        h.store.clone(),
        SECRET,
        h.clock.clone(),
    ));
    if ca_created {
        ca.init(KeySpec::EcP256).await.unwrap();
    }
    let catalog = Arc::new(CatalogService::for_harness(&h));
    catalog.seed_public_products().await.unwrap();
    let dns = Arc::new(FakeDns::default());
    let validation = Arc::new(ValidationService::new(
        h.store.clone(),
        h.clock.clone(),
        Arc::new(CountingRandom::default()),
        dns.clone(),
        Arc::new(FakeHttp::default()),
        "http://portal.test".into(),
    ));
    let waker = crate::services::notifications::MailWaker::default();
    let orders = Arc::new(
        OrderService::new(OrderDeps {
            store: h.store.clone(),
            clock: h.clock.clone(),
            random: Arc::new(crate::adapters::random::OsRandom),
            catalog: catalog.clone(),
            validation: validation.clone(),
            authority: ca,
            dns: dns.clone(),
            caa_identities: vec!["rootline.test".into()],
            public_url: "http://portal.test".into(),
            tracking_key: crate::domain::tracking_link::test_key(),
            mail: waker.clone(),
        })
        .with_gst(gst),
    );
    let billing = BillingService::new(
        h.store.clone(),
        h.clock.clone(),
        "http://portal.test".into(),
    );
    let admin = administrator(&h, "asha@acme.example").await;
    let ops = operator(&h).await;
    World {
        h,
        dns,
        orders,
        validation,
        billing,
        catalog,
        admin,
        ops,
        waker,
    }
}

impl World {
    pub(crate) async fn credit(&self, account_id: i32, amount: &str) {
        self.billing
            .grant_credits(
                &self.ops,
                account_id,
                &app::model::billing::CreditForm {
                    amount: amount.into(),
                    remarks: "Test credits".into(),
                },
                None,
            )
            .await
            .unwrap();
    }

    /// The cheapest single-domain DV offer of the account.
    pub(crate) async fn dv(&self, who: &Caller) -> (i32, i64) {
        let offers = self.catalog.offers(who, "USD").await.unwrap();
        let o = offers
            .iter()
            .find(|o| o.kind == app::model::products::ProductKind::DvSingle)
            .unwrap();
        (o.id, o.validity_days.iter().copied().max().unwrap())
    }

    pub(crate) async fn form(&self, who: &Caller, name: &str, csr: Option<String>) -> OrderForm {
        let (product_id, validity_days) = self.dv(who).await;
        OrderForm {
            product_id,
            validity_days,
            requester_name: "Asha Rao".into(),
            requester_email: "asha@acme.example".into(),
            csr_source: if csr.is_some() { "paste" } else { "later" }.into(),
            csr_pem: csr.unwrap_or_default(),
            names: name.into(),
            ..Default::default()
        }
    }

    /// How many orders the administrator's account has.
    pub(crate) async fn order_count(&self) -> u64 {
        self.orders
            .orders_page(&self.admin, &Default::default())
            .await
            .unwrap()
            .total
    }

    pub(crate) async fn status(&self, account_id: i32, id: i32) -> OrderStatus {
        let o = orders::get(&self.h.store, account_id, id)
            .await
            .unwrap()
            .unwrap();
        *o.status
    }

    /// Publishes the TXT value of every pending domain of the order and verifies them.
    pub(crate) async fn validate(&self, token: &str) {
        let view = self.orders.tracking(token).await.unwrap();
        for n in view.names {
            if let Some(d) = n.domain {
                self.dns
                    .add_txt(&d.name, d.value.as_deref().unwrap_or_default());
                let outcome = self.orders.tracking_verify(token, d.id).await.unwrap();
                assert!(
                    matches!(outcome, CheckOutcome::Verified { .. }),
                    "{outcome:?}"
                );
            }
        }
    }
}

/// A Manager limited to the default group, and two orders the administrator placed: one in a
/// restricted group the Manager is not in, one in the default group.
pub(crate) struct GroupLimited {
    pub(crate) manager: Caller,
    pub(crate) restricted_order: i32,
    pub(crate) own_group_order: i32,
}

impl World {
    pub(crate) async fn group_limited_manager(&self) -> GroupLimited {
        use crate::store::{group_members, groups, memberships};
        let store = &self.h.store;
        let now = crate::ports::Clock::now(self.h.clock.as_ref());
        self.credit(self.admin.account.id, "100.00").await;
        let default =
            crate::services::access::ensure_default_group(store, self.admin.account.id, now)
                .await
                .unwrap()
                .into_iter()
                .find(|g| g.is_default)
                .unwrap();
        let restricted = groups::insert(
            store,
            self.admin.account.id,
            false,
            groups::GroupFields {
                name: "Research",
                description: "",
                finance_mode: app::model::groups::FinanceMode::Account,
                spend_limit_minor: None,
                renewal_emails: "",
                restricted: true,
            },
            now,
        )
        .await
        .unwrap();
        group_members::add(
            store,
            app::model::AccountId(restricted.account_id),
            app::model::GroupId(restricted.id),
            app::model::MembershipId(self.admin.membership.id),
        )
        .await
        .unwrap();
        let manager = crate::services::api_keys::test_support::member(
            &self.h,
            &self.admin,
            "maya@acme.example",
            "manager",
        )
        .await;
        memberships::update_access(
            store,
            app::model::AccountId(manager.membership.account_id),
            app::model::MembershipId(manager.membership.id),
            app::model::roles::AssignedRole::BuiltIn(app::model::Role::Manager),
            app::model::users::GroupAccess::Specific,
        )
        .await
        .unwrap();
        group_members::add(
            store,
            app::model::AccountId(default.account_id),
            app::model::GroupId(default.id),
            app::model::MembershipId(manager.membership.id),
        )
        .await
        .unwrap();
        let mut placed = Vec::new();
        for (group_id, name) in [
            (restricted.id, "lab.example.com"),
            (default.id, "www.example.com"),
        ] {
            let mut form = self.form(&self.admin, name, None).await;
            form.group_id = group_id;
            placed.push(
                self.orders
                    .place(&self.admin, &form.to_command())
                    .await
                    .unwrap()
                    .id,
            );
        }
        let [restricted_order, own_group_order] = placed[..] else {
            panic!("two orders: {placed:?}");
        };
        GroupLimited {
            manager,
            restricted_order,
            own_group_order,
        }
    }
}

pub(crate) fn csr_for(name: &str) -> (String, std::path::PathBuf) {
    let dir = temp_dir("rootline-order");
    let csr = openssl_csr(
        &dir,
        "ec:P-256",
        &format!("/CN={name}"),
        Some(&format!("DNS:{name}")),
        &[],
    );
    (String::from_utf8(csr).unwrap(), dir)
}

pub(crate) fn token_of(url: &str) -> String {
    url.rsplit('/').next().unwrap().to_owned()
}

/// The first sheet of an Excel workbook as a reader sees it: the sheet's name and the cells of
/// its first row, read by Python's zipfile and XML parser (the same oracle as the audit
/// export's test), so the test does not trust the writer's own crate to read back its file.
pub(crate) fn xlsx_header(bytes: &[u8]) -> (String, Vec<String>) {
    const READ_HEADER: &str = r#"
import sys, zipfile, xml.etree.ElementTree as ET
m = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
z = zipfile.ZipFile(sys.argv[1])
shared = [''.join(t.text or '' for t in si.iter(m + 't'))
          for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall(m + 'si')]
sheet = ET.fromstring(z.read('xl/workbook.xml')).find(m + 'sheets').find(m + 'sheet')
row = ET.fromstring(z.read('xl/worksheets/sheet1.xml')).find(m + 'sheetData').find(m + 'row')
cells = [shared[int(c.find(m + 'v').text)] if c.get('t') == 's' else c.find(m + 'v').text
         for c in row.findall(m + 'c')]
sys.stdout.buffer.write('\n'.join([sheet.get('name')] + cells).encode('utf-8'))
"#;
    let dir = temp_dir("xlsx");
    let file = dir.join("export.xlsx");
    std::fs::write(&file, bytes).unwrap();
    let out = std::process::Command::new("python3")
        .args(["-c", READ_HEADER])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "python3: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::remove_dir_all(dir).unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines().map(str::to_owned);
    let name = lines.next().unwrap();
    (name, lines.collect())
}

/// The first sheet of an Excel workbook, every row: the sheet's name and each row's cells by
/// column (an empty cell as ""), read by the same Python oracle as [`xlsx_header`].
pub(crate) fn xlsx_rows(bytes: &[u8]) -> (String, Vec<Vec<String>>) {
    const READ_ROWS: &str = r#"
import json, re, sys, zipfile, xml.etree.ElementTree as ET
m = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
z = zipfile.ZipFile(sys.argv[1])
shared = [''.join(t.text or '' for t in si.iter(m + 't'))
          for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall(m + 'si')]
sheet = ET.fromstring(z.read('xl/workbook.xml')).find(m + 'sheets').find(m + 'sheet')
rows = []
for row in ET.fromstring(z.read('xl/worksheets/sheet1.xml')).find(m + 'sheetData').findall(m + 'row'):
    cells = []
    for c in row.findall(m + 'c'):
        column = 0
        for letter in re.match('[A-Z]+', c.get('r')).group(0):
            column = column * 26 + ord(letter) - 64
        cells += [''] * (column - 1 - len(cells))
        v = c.find(m + 'v')
        cells.append('' if v is None else shared[int(v.text)] if c.get('t') == 's' else v.text)
    rows.append(cells)
sys.stdout.buffer.write(json.dumps([sheet.get('name'), rows]).encode('utf-8'))
"#;
    let dir = temp_dir("xlsx-rows");
    let file = dir.join("export.xlsx");
    std::fs::write(&file, bytes).unwrap();
    let out = std::process::Command::new("python3")
        .args(["-c", READ_ROWS])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "python3: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::remove_dir_all(dir).unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

// ---- Organizations an OV order may name.

pub(crate) fn organization_form(name: &str) -> app::model::organization_form::OrganizationForm {
    app::model::organization_form::OrganizationForm {
        legal_name: name.into(),
        trade_name: String::new(),
        org_type: "private_organization".into(),
        registration_number: "U72200KA2009PTC049889".into(),
        registration_agency: "Registrar of Companies, Bengaluru".into(),
        jurisdiction_country: "IN".into(),
        jurisdiction_state: "Karnataka".into(),
        jurisdiction_locality: String::new(),
        street: "12 MG Road".into(),
        city: "Bengaluru".into(),
        state: "Karnataka".into(),
        postal_code: "560001".into(),
        country: "IN".into(),
        phone: "+91 80 4000 1234".into(),
        rep_name: "Asha Rao".into(),
        rep_email: "asha@acme.example".into(),
        rep_phone: "+91 98450 12345".into(),
        rep_designation: "Company Secretary".into(),
    }
}

impl World {
    /// An organization of `who`'s account at `status`, its vetting good for `until` from now.
    pub(crate) async fn organization(
        &self,
        who: &Caller,
        name: &str,
        status: app::model::organizations::OrganizationStatus,
        until: chrono::Duration,
    ) -> app::model::OrganizationId {
        let now = crate::ports::Clock::now(self.h.clock.as_ref());
        let account = app::model::AccountId(who.account.id);
        let valid = organization_form(name).validate().unwrap();
        let row = crate::store::organizations::insert(
            &self.h.store,
            account,
            &valid,
            who.user.id.into(),
            now,
        )
        .await
        .unwrap();
        let id = app::model::OrganizationId(row.id);
        crate::store::organizations::set_status(&self.h.store, account, id, status, None, now)
            .await
            .unwrap();
        if status.verified_level().is_some() {
            crate::store::organizations::set_verified_until(&self.h.store, id, Some(now + until))
                .await
                .unwrap();
        }
        id
    }
}
