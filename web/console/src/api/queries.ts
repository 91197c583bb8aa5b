// Every operation the console sends: only the gateway's public GraphQL API.

const requestRow = `
  id title type priority status submittedAt clientId clientName satisfactionScore
  sla { state firstResponseDueAt resolutionDueAt atRiskAt elapsedBusinessMinutes atRisk breached }`;

/** A row of the list: each department's status, not its clock, so that a page of 50 stays within the gateway's complexity bound. */
export const requestRowFields = `${requestRow}
  workItems { id departmentCode departmentName status round }`;

export const requestFields = `${requestRow}
  workItems { id departmentCode departmentName status round sla { state resolutionDueAt atRiskAt elapsedBusinessMinutes } }`;

/** A page of the caller's book: the console shows 50 at a time and pages on by cursor (ADR 0035). */
export const MY_CLIENTS = `query MyClients($after: String) {
  myClients(first: 50, after: $after) { nodes { id name tier status health { score band } } pageInfo { hasNextPage endCursor } } }`;

/** The client 360 (ADR 0035): well within the gateway's complexity bound of 2000 for one client. */
export const CLIENT_360 = `query Client360($id: ID!) { client(id: $id) { id name tier status
  health { score band reasons { code text points } requests complaints complaintsLast30Days medianHoursToFulfil
           slaBreaches slaAtRisk satisfactionRatings averageSatisfaction satisfactionTrend }
  accountTeam { manager { id name } executives { id name } }
  contacts { id name role email phone }
  openRequestCount
  openRequests { id title type priority status submittedAt sla { state firstResponseDueAt resolutionDueAt atRiskAt elapsedBusinessMinutes atRisk breached } }
  recentEvents { requestId requestTitle event { id at kind actorId departmentCode status text } }
  satisfaction { month ratings average } } }`;

export const DEPARTMENTS = `query Departments { departments { code name mode } }`;

export const SUGGEST = `query Suggest($type: String!, $priority: String!, $clientId: ID) {
  suggestDepartments(type: $type, priority: $priority, clientId: $clientId) { departments { code name } matchedRule } }`;

export const OPEN_REQUEST = `mutation Open($input: OpenRequestInput!) { openRequest(input: $input) { ${requestFields} } }`;

export const MY_REQUESTS = `query MyRequests($after: String) {
  requests(first: 50, after: $after) { nodes { ${requestRowFields} } pageInfo { hasNextPage endCursor } } }`;

export const REQUEST_DETAIL = `query Detail($id: ID!) { request(id: $id) { ${requestFields}
  timeline { id at kind actorId departmentCode status text visibility } } }`;

export const REQUEST_UPDATED = `subscription Watch($id: ID!) { requestUpdated(id: $id) { ${requestFields} } }`;

export const ADD_COMMENT = `mutation Comment($requestId: ID!, $text: String!, $visibility: String) {
  addComment(requestId: $requestId, text: $text, visibility: $visibility) { id } }`;

export const RECORD_SATISFACTION = `mutation Satisfaction($requestId: ID!, $score: Int!, $comment: String) {
  recordSatisfaction(requestId: $requestId, score: $score, comment: $comment) { ${requestFields} } }`;

export const QUEUE = `query Queue($code: String!) { queue(code: $code) { items { id requestId clientId type priority title status claimedBy queuedAt } } }`;

export const QUEUE_CHANGED = `subscription QueueChanged($code: String!) { departmentQueueChanged(code: $code) { __typename } }`;

export const DEPARTMENT_LOAD = `query Load($code: String!) { departmentLoad(code: $code) { userId name capacity load } }`;

const step = (name: string, extra = '', extraArgs = '') => `mutation Step($departmentCode: String!, $workItemId: ID!${extra}) {
  ${name}(departmentCode: $departmentCode, workItemId: $workItemId${extraArgs}) { id status claimedBy } }`;

export const STEPS = {
  claim: step('claimWorkItem'),
  unclaim: step('unclaimWorkItem'),
  start: step('startWorkItem'),
  complete: step('completeWorkItem', ', $resolutionNote: String', ', resolutionNote: $resolutionNote'),
  reject: step('rejectWorkItem', ', $reason: String', ', reason: $reason'),
  handOver: step('handOverWorkItem', ', $toDepartmentCode: String!', ', toDepartmentCode: $toDepartmentCode'),
};

/** The dashboard, aggregated by the services (ADR 0021): one request to the gateway, one call per service behind it. */
export const DASHBOARD = `query Dashboard($days: Int) { dashboard(days: $days) {
  days from asOf
  backlog { departmentCode departmentName open byStatus { status count } }
  slaByDepartment { key name closed closedWithinSla compliance breachedOpen atRiskOpen }
  slaByClient { key name closed closedWithinSla compliance breachedOpen atRiskOpen }
  cycleTime { fulfilled p50Hours p90Hours p99Hours sampled }
  requestsOverTime { day type count }
  requestsOverTimeTruncated
  clientHealth { id name health { score band } } } }`;

/** A clock as the requests service computed it (the only place clocks are computed). */
export interface Sla {
  state: 'on-track' | 'at-risk' | 'breached' | 'paused' | 'met' | 'missed' | string;
  firstResponseDueAt?: string | null;
  resolutionDueAt: string | null;
  atRiskAt: string | null;
  elapsedBusinessMinutes: number;
}

export interface WorkItemRow {
  id: string;
  departmentCode: string;
  departmentName: string;
  status: string;
  round: number;
}

export interface WorkItem extends WorkItemRow {
  sla: Sla;
}

/** A request as the list shows it (requestRowFields). */
export interface RequestRow extends Omit<RequestSummary, 'workItems'> {
  workItems: WorkItemRow[];
}

export interface RequestSummary {
  id: string;
  title: string;
  type: string;
  priority: string;
  status: string;
  submittedAt: string;
  clientId: string;
  clientName: string;
  satisfactionScore: number | null;
  sla: Sla & { atRisk: boolean; breached: boolean };
  workItems: WorkItem[];
}

export interface TimelineEntry {
  id: string;
  at: string;
  kind: string;
  actorId: string | null;
  departmentCode: string | null;
  status: string | null;
  text: string | null;
  visibility: string;
}

export interface Client {
  id: string;
  name: string;
  tier: string;
  status: string;
  health: { score: number; band: string };
}

export interface ClientPage {
  nodes: Client[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface Person {
  id: string;
  name: string | null;
}

export interface Client360 extends Client {
  health: Client['health'] & {
    reasons: { code: string; text: string; points: number }[];
    requests: number;
    complaints: number;
    complaintsLast30Days: number;
    medianHoursToFulfil: number | null;
    slaBreaches: number;
    slaAtRisk: number;
    satisfactionRatings: number;
    averageSatisfaction: number | null;
    satisfactionTrend: number | null;
  };
  accountTeam: { manager: Person; executives: Person[] };
  contacts: { id: string; name: string; role: string | null; email: string | null; phone: string | null }[];
  openRequestCount: number;
  openRequests: (Omit<RequestSummary, 'workItems' | 'clientId' | 'clientName' | 'satisfactionScore'>)[];
  recentEvents: { requestId: string; requestTitle: string; event: Omit<TimelineEntry, 'visibility'> }[];
  satisfaction: { month: string; ratings: number; average: number | null }[];
}

export interface QueueItem {
  id: string;
  requestId: string;
  clientId: string;
  type: string;
  priority: string;
  title: string;
  status: string;
  claimedBy: string | null;
  queuedAt: string;
}

export const MY_INBOX = `query MyInbox { me {
  unreadNotifications
  notifications(first: 10, unreadOnly: true) { nodes { id kind title createdAt requestId } }
  work(first: 10) { nodes { id title status departmentCode dueAt atRisk } pageInfo { hasNextPage } } } }`;

export const MARK_NOTIFICATIONS_READ = `mutation MarkRead($ids: [ID!], $all: Boolean) {
  markNotificationsRead(ids: $ids, all: $all) { marked unreadNotifications } }`;

export interface MyInbox {
  me: {
    unreadNotifications: number;
    notifications: { nodes: { id: string; kind: string; title: string; createdAt: string; requestId: string | null }[] };
    work: { nodes: { id: string; title: string; status: string; departmentCode: string; dueAt: string; atRisk: boolean }[]; pageInfo: { hasNextPage: boolean } };
  };
}
