//! An account's private products on its own private CAs. Needs `ManageProducts`.

use app::i18n::Msg;
use app::model::{
    AccountId, Permission, ProductId,
    products::{
        PrivateProductForm, PrivateProductView, PrivateProductsPage, ProductKind,
        ValidPrivateProduct,
    },
};

use super::{
    CatalogError, CatalogService, checklist_of, invalid, profile_rule, rules_of, template_of,
};
use crate::{
    ca::private_ca_name,
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::{
        StoreError, authorities,
        products::{self, ProductFields, ProductRow},
    },
};

fn name_taken() -> CatalogError {
    invalid("name", Msg::new("err-account-already-has-product-name"))
}

fn view(row: ProductRow) -> Result<PrivateProductView, CatalogError> {
    Ok(PrivateProductView {
        id: row.id,
        validity_days: products::validity_days(&row)
            .first()
            .copied()
            .unwrap_or_default(),
        template: template_of(&row)?,
        rules: rules_of(&row)?,
        checklist: checklist_of(&row),
        ca: row.private_ca.clone().unwrap_or_default(),
        auto_approve: row.auto_approve,
        active: row.active,
        name: row.name,
    })
}

impl CatalogService {
    /// The product's private CA must be an issuing CA of the caller's account; any other name
    /// (another account's CA, a public CA, the account's root) answers NotFound.
    async fn checked(
        &self,
        caller: &Caller,
        form: &PrivateProductForm,
    ) -> Result<ValidPrivateProduct, CatalogError> {
        let valid = form.validate().map_err(CatalogError::Invalid)?;
        let ca = authorities::find_by_name(&self.store, &valid.ca)
            .await?
            .filter(|ca| {
                ca.account_id == Some(caller.account.id)
                    && ca.name != private_ca_name(caller.account.id, "root")
            })
            .ok_or(CatalogError::NotFound)?;
        let now = self.clock.now();
        let cap = profile_rule(valid.template.profile()).max_days(now);
        if valid.validity_days > cap {
            return Err(invalid(
                "validity_days",
                Msg::new("err-validity-over-template-cap")
                    .arg("days", valid.validity_days)
                    .arg("template", valid.template.label())
                    .arg("cap", cap),
            ));
        }
        // The CA has to outlive the certificates it would issue.
        if now + chrono::Duration::days(valid.validity_days) > ca.not_after {
            return Err(invalid(
                "validity_days",
                Msg::new("err-ca-expires-before")
                    .arg("ca", &ca.name)
                    .arg("date", app::model::Day::from(ca.not_after)),
            ));
        }
        Ok(valid)
    }

    pub async fn private_products(
        &self,
        caller: &Caller,
    ) -> Result<PrivateProductsPage, CatalogError> {
        caller.require(Permission::ManageProducts)?;
        let account_id = caller.account.id;
        let rows = products::private_for_account(&self.store, account_id).await?;
        let products = rows.into_iter().map(view).collect::<Result<_, _>>()?;
        let cas = authorities::for_account(&self.store, account_id)
            .await?
            .into_iter()
            .map(|ca| ca.name)
            .filter(|name| *name != private_ca_name(account_id, "root"))
            .collect();
        Ok(PrivateProductsPage { products, cas })
    }

    pub async fn add_private_product(
        &self,
        caller: &Caller,
        form: &PrivateProductForm,
        ip: Option<String>,
    ) -> Result<i32, CatalogError> {
        caller.require(Permission::ManageProducts)?;
        let valid = self.checked(caller, form).await?;
        let (rules, checklist) = encode(&valid)?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let row = products::insert(
            &tx,
            Some(caller.account.id),
            ProductKind::Private,
            fields(&valid, &rules, &checklist),
            now,
        )
        .await
        .map_err(|e| match e {
            StoreError::Duplicate => name_taken(),
            other => other.into(),
        })?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "products",
                action: "private_product_added",
                summary: format!(
                    "Private product {} ({} on {}) added",
                    valid.name,
                    valid.template.label(),
                    valid.ca
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(row.id)
    }

    pub async fn update_private_product(
        &self,
        caller: &Caller,
        id: i32,
        form: &PrivateProductForm,
        ip: Option<String>,
    ) -> Result<(), CatalogError> {
        caller.require(Permission::ManageProducts)?;
        let existing = products::find_private_for_account(&self.store, caller.account.id, id)
            .await?
            .ok_or(CatalogError::NotFound)?;
        let valid = self.checked(caller, form).await?;
        let (rules, checklist) = encode(&valid)?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        products::update_private(
            &tx,
            AccountId(caller.account.id),
            ProductId(existing.id),
            fields(&valid, &rules, &checklist),
        )
        .await
        .map_err(|e| match e {
            StoreError::Duplicate => name_taken(),
            other => other.into(),
        })?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "products",
                action: "private_product_updated",
                summary: format!(
                    "Private product {} updated (was {})",
                    valid.name, existing.name
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn set_private_product_active(
        &self,
        caller: &Caller,
        id: i32,
        active: bool,
        ip: Option<String>,
    ) -> Result<(), CatalogError> {
        caller.require(Permission::ManageProducts)?;
        let existing = products::find_private_for_account(&self.store, caller.account.id, id)
            .await?
            .ok_or(CatalogError::NotFound)?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        products::set_private_active(
            &tx,
            AccountId(caller.account.id),
            ProductId(existing.id),
            active,
        )
        .await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "products",
                action: if active {
                    "private_product_activated"
                } else {
                    "private_product_deactivated"
                },
                summary: format!(
                    "Private product {} {}",
                    existing.name,
                    if active { "activated" } else { "deactivated" }
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

fn encode(valid: &ValidPrivateProduct) -> Result<(String, String), CatalogError> {
    let rules = serde_json::to_string(&valid.rules).map_err(|e| {
        invalid(
            "modes",
            Msg::new("err-field-rules-cannot-saved").arg("detail", e.to_string()),
        )
    })?;
    let checklist = serde_json::to_string(&valid.checklist).map_err(|e| {
        invalid(
            "checklist",
            Msg::new("err-checklist-cannot-saved").arg("detail", e.to_string()),
        )
    })?;
    Ok((rules, checklist))
}

fn fields<'a>(
    valid: &'a ValidPrivateProduct,
    rules: &'a str,
    checklist: &'a str,
) -> ProductFields<'a> {
    ProductFields {
        name: &valid.name,
        validity_days: std::slice::from_ref(&valid.validity_days),
        included_domains: 0,
        max_domains: 0,
        private_ca: Some(&valid.ca),
        template: Some(valid.template.profile()),
        field_rules: rules,
        auto_approve: valid.auto_approve,
        checklist,
    }
}

#[cfg(test)]
mod tests {
    use app::model::{
        products::{field_index, quote},
        template::{Field, Mode},
    };

    use super::*;
    use crate::services::{catalog::test_support::administrator, identity::test_support::harness};

    fn form(ca: &str) -> PrivateProductForm {
        let mut modes = vec!["off".to_owned(); Field::ALL.len()];
        let mut values = vec![String::new(); Field::ALL.len()];
        modes[field_index(Field::Organization)] = "fixed".into();
        values[field_index(Field::Organization)] = "Acme Corp".into();
        modes[field_index(Field::CommonName)] = "required".into();
        modes[field_index(Field::Dns)] = "required".into();
        modes[field_index(Field::Ip)] = "optional".into();
        PrivateProductForm {
            name: "Intranet servers".into(),
            ca: ca.into(),
            validity_days: "365".into(),
            template: "Server TLS".into(),
            modes,
            values,
            auto_approve: true,
            checklist: "Asset tag recorded\nOwner approved".into(),
        }
    }

    #[tokio::test]
    async fn private_products_live_on_the_accounts_own_cas_and_are_ordered_by_it_alone() {
        let h = harness().await;
        let asha = administrator(&h, "asha@example.com").await;
        let ravi = administrator(&h, "ravi@other.example").await;
        let catalog = CatalogService::for_harness(&h);
        let ca = catalog
            .create_private_ca(&asha, "Intranet", None)
            .await
            .unwrap();
        let ravis_ca = catalog
            .create_private_ca(&ravi, "Labs", None)
            .await
            .unwrap();

        // Over the private profile's cap: refused with the cap.
        let mut long = form(&ca);
        long.validity_days = "500".into();
        match catalog.add_private_product(&asha, &long, None).await {
            Err(CatalogError::Invalid(e)) => {
                let m = e.get("validity_days").unwrap();
                assert!(m.to_string().contains("398 days"), "{m}");
            }
            other => panic!("{other:?}"),
        }
        // Another account's CA, a public CA, the account's own root: as if none existed.
        for other in [
            ravis_ca.as_str(),
            "tls",
            &private_ca_name(asha.account.id, "root"),
        ] {
            assert!(
                matches!(
                    catalog.add_private_product(&asha, &form(other), None).await,
                    Err(CatalogError::NotFound)
                ),
                "{other}"
            );
        }

        let id = catalog
            .add_private_product(&asha, &form(&ca), None)
            .await
            .unwrap();
        assert!(matches!(
            catalog.add_private_product(&asha, &form(&ca), None).await,
            Err(CatalogError::Invalid(e)) if e.get("name").is_some()
        ));
        let page = catalog.private_products(&asha).await.unwrap();
        assert_eq!(page.cas, std::slice::from_ref(&ca));
        assert_eq!(page.products.len(), 1);
        let product = &page.products[0];
        assert_eq!(product.form(), form(&ca));
        assert!(
            catalog
                .private_products(&ravi)
                .await
                .unwrap()
                .products
                .is_empty()
        );

        // Ravi can neither see, change nor order Asha's product.
        assert!(matches!(
            catalog
                .update_private_product(&ravi, id, &form(&ravis_ca), None)
                .await,
            Err(CatalogError::NotFound)
        ));
        assert!(matches!(
            catalog
                .set_private_product_active(&ravi, id, false, None)
                .await,
            Err(CatalogError::NotFound)
        ));
        assert!(matches!(
            catalog.product_for_order(ravi.account.id, id, "USD").await,
            Err(CatalogError::NotFound)
        ));
        assert!(
            catalog
                .offers(&ravi, "USD")
                .await
                .unwrap()
                .iter()
                .all(|o| o.id != id)
        );

        // Asha orders it: no price, its template's profile and rules, its CA.
        let order = catalog
            .product_for_order(asha.account.id, id, "INR")
            .await
            .unwrap();
        assert_eq!(order.profile, "private-server-tls");
        assert_eq!(order.private_ca.as_deref(), Some(ca.as_str()));
        assert!(order.auto_approve);
        assert_eq!(order.checklist, ["Asset tag recorded", "Owner approved"]);
        let rules = order.template_fields.clone().unwrap();
        assert!(
            rules.iter().any(|r| r.field == Field::Organization
                && r.mode == Mode::Fixed(vec!["Acme Corp".into()]))
        );
        assert_eq!(
            order
                .offer
                .dynamic_fields
                .iter()
                .map(|f| (f.field, f.required))
                .collect::<Vec<_>>(),
            [
                (Field::CommonName, true),
                (Field::Dns, true),
                (Field::Ip, false)
            ]
        );
        assert_eq!(quote(&order.offer, 365, 3).unwrap().total_minor, 0);
        let offers = catalog.offers(&asha, "INR").await.unwrap();
        assert!(offers.iter().any(|o| o.id == id));

        // Edits and deactivation by the owner.
        let mut edited = form(&ca);
        edited.name = "Intranet (Mutual)".into();
        edited.template = "Mutual TLS".into();
        edited.auto_approve = false;
        catalog
            .update_private_product(&asha, id, &edited, None)
            .await
            .unwrap();
        let order = catalog
            .product_for_order(asha.account.id, id, "USD")
            .await
            .unwrap();
        assert_eq!(order.profile, "private-mutual-tls");
        assert!(!order.auto_approve);
        catalog
            .set_private_product_active(&asha, id, false, None)
            .await
            .unwrap();
        assert!(matches!(
            catalog.product_for_order(asha.account.id, id, "USD").await,
            Err(CatalogError::NotFound)
        ));
        assert!(!catalog.private_products(&asha).await.unwrap().products[0].active);

        // Without `ManageProducts` nothing of it is reachable.
        let mut no_products = asha.clone();
        no_products
            .permissions
            .retain(|p| *p != Permission::ManageProducts);
        assert!(matches!(
            catalog.private_products(&no_products).await,
            Err(CatalogError::Forbidden(Permission::ManageProducts))
        ));
        assert!(matches!(
            catalog
                .add_private_product(&no_products, &form(&ca), None)
                .await,
            Err(CatalogError::Forbidden(Permission::ManageProducts))
        ));
        assert!(matches!(
            catalog
                .set_private_product_active(&no_products, id, true, None)
                .await,
            Err(CatalogError::Forbidden(Permission::ManageProducts))
        ));
    }
}
