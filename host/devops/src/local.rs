//! The `local` provider: work items in the state database, per tenant.

use std::sync::Arc;

use sentra_store::LocalWorkItem;

use crate::{Provider, ProviderError, WorkItem, WorkItemDraft};

pub struct LocalProvider {
    store: Arc<dyn sentra_store::Storage>,
    tenant: String,
}

impl LocalProvider {
    pub fn new(store: Arc<dyn sentra_store::Storage>, tenant: &str) -> Self {
        LocalProvider { store, tenant: tenant.into() }
    }
}

fn from_local(w: LocalWorkItem) -> WorkItem {
    WorkItem {
        id: w.id.to_string(),
        devops_id: w.id.to_string(),
        title: w.title,
        description: w.description,
        acceptance_criteria: w.acceptance_criteria,
        state: w.state,
        rule_id: w.rule_id,
        url: None,
        linked_findings_count: w.findings_count,
        findings_key: w.findings_key,
    }
}

fn store_error(e: sentra_store::StoreError) -> ProviderError {
    ProviderError::Store(e.to_string())
}

impl Provider for LocalProvider {
    fn name(&self) -> &'static str {
        "local"
    }
    fn list(&self) -> Result<Vec<WorkItem>, ProviderError> {
        Ok(self.store.list_work_items(&self.tenant).map_err(store_error)?.into_iter().map(from_local).collect())
    }
    fn create(&self, draft: &WorkItemDraft) -> Result<WorkItem, ProviderError> {
        self.store.create_work_item(&self.tenant, draft).map(from_local).map_err(store_error)
    }
    fn update(&self, item: &WorkItem, draft: Option<&WorkItemDraft>, state: &str) -> Result<WorkItem, ProviderError> {
        let id: i64 = item.id.parse().map_err(|_| ProviderError::Store(format!("`{}` is not a local work item id", item.id)))?;
        self.store
            .update_work_item(&self.tenant, id, draft, state)
            .map_err(store_error)?
            .map(from_local)
            .ok_or_else(|| ProviderError::Store(format!("no work item {id}")))
    }
}
