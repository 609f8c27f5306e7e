//! The audit log (Data Protection Act 2018 s.62): who did what, when and from which device,
//! append-only. The [`Storage`](crate::storage::Storage) methods for it, added to the ones
//! gathered so far (see `storage_impl!` in the parent module, which also brings every name they
//! use into scope).

macro_rules! audit_methods {
    ($ty:ident, $db:ty, [$next:ident $(, $rest:ident)*], { $($methods:tt)* }) => {
        impl $ty {
            async fn audit_in(
                tx: &mut Transaction<'static, $db>,
                actor: &str,
                device_id: Option<&str>,
                action: &str,
                record_kind: &str,
                record_id: &str,
                nominal_id: Option<&str>,
                now: i64,
            ) -> StorageResult<()> {
                sqlx::query(
                    "INSERT INTO audit_log (at, actor, device_id, action, record_kind, record_id, nominal_id) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(now)
                .bind(actor)
                .bind(device_id)
                .bind(action)
                .bind(record_kind)
                .bind(record_id)
                .bind(nominal_id)
                .execute(&mut **tx)
                .await?;
                Ok(())
            }
        }

        $next!($ty, $db, [$($rest),*], { $($methods)*
            async fn audit_since(&self, since: i64) -> StorageResult<Vec<AuditEntry>> {
                let rows = sqlx::query(
                    "SELECT seq, at, actor, device_id, action, record_kind, record_id, nominal_id FROM audit_log WHERE at >= $1 ORDER BY seq",
                )
                .bind(since)
                .fetch_all(&self.pool)
                .await?;
                rows.iter().map(audit_entry).collect()
            }

            async fn audit(
                &self,
                actor: &str,
                device_id: Option<&str>,
                action: &str,
                record_kind: &str,
                record_id: &str,
                nominal_id: Option<&str>,
                now: i64,
            ) -> StorageResult<()> {
                let mut tx = self.begin_write().await?;
                Self::audit_in(&mut tx, actor, device_id, action, record_kind, record_id, nominal_id, now).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn audit_query(&self, filter: &AuditFilter, limit: i64) -> StorageResult<Vec<AuditEntry>> {
                // The unit's lines: by its officers, or about its nominals. Each filter given adds
                // one condition and one parameter, in this order.
                let mut sql = String::from(
                    "SELECT seq, at, actor, device_id, action, record_kind, record_id, nominal_id FROM audit_log \
                     WHERE (actor IN (SELECT id FROM officers WHERE unit_id = $1) \
                     OR nominal_id IN (SELECT nominal_id FROM records WHERE unit_id = $2 AND kind = 'nominal'))",
                );
                let mut n = 2;
                let mut and = |column: &str, op: &str| {
                    n += 1;
                    sql.push_str(&format!(" AND {column} {op} ${n}"));
                };
                if filter.actor.is_some() {
                    and("actor", "=");
                }
                if filter.nominal_id.is_some() {
                    and("nominal_id", "=");
                }
                if filter.from.is_some() {
                    and("at", ">=");
                }
                if filter.until.is_some() {
                    and("at", "<");
                }
                if filter.before_seq.is_some() {
                    and("seq", "<");
                }
                sql.push_str(&format!(" ORDER BY seq DESC LIMIT ${}", n + 1));
                let mut q = sqlx::query(&sql).bind(&filter.unit_id).bind(&filter.unit_id);
                if let Some(a) = &filter.actor {
                    q = q.bind(a);
                }
                if let Some(x) = &filter.nominal_id {
                    q = q.bind(x);
                }
                if let Some(t) = filter.from {
                    q = q.bind(t);
                }
                if let Some(t) = filter.until {
                    q = q.bind(t);
                }
                if let Some(s) = filter.before_seq {
                    q = q.bind(s);
                }
                let rows = q.bind(limit).fetch_all(&self.pool).await?;
                rows.iter().map(audit_entry).collect()
            }

            async fn audit_many(
                &self,
                actor: &str,
                action: &str,
                records: &[(String, String, Option<String>)],
                now: i64,
            ) -> StorageResult<()> {
                if records.is_empty() {
                    return Ok(());
                }
                let mut tx = self.begin_write().await?;
                for (kind, id, nominal) in records {
                    Self::audit_in(&mut tx, actor, None, action, kind, id, nominal.as_deref(), now).await?;
                }
                tx.commit().await?;
                Ok(())
            }
        });
    };
}
