/** The legal texts cited in replies live in one catalogue shared with proactive disclosure. */
export { LEGAL_BASIS, REGULATION_TITLE, type LegalBasis, type LegalBasisKey } from "@/lib/law/legal-basis";
