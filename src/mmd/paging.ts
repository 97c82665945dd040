// OData paging is shared with Graph (src/http/paging.ts); MMD code keeps importing it from here.
export * from '../http/paging';
