// Loaded on first use, like the agreements.
export { ConsultationByLink, Consultations, OurConcerns, WorkItemConsultations } from './pages.tsx';
