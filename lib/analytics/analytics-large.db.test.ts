// Every analytics function against a brute-force count, on a class of 1500 students (see testing/analytics-suite.ts).
import "./testing/temp-database"; // first: lib/db opens the database named when it is imported
import { defineAnalyticsSuite } from "./testing/analytics-suite";

defineAnalyticsSuite(1500);
