// Defined beside the rules, which report their own file's issues with it and import nothing above them.
export { describeIssues, fieldIssues, type FieldIssue } from '../../rules/issues.js';
