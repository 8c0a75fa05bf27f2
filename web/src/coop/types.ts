export interface CoopOverview {
  id: string;
  name: string;
  currency: string;
  createdAt: string;
  memberCounts: { memberClass: string; status: string; n: number }[];
}
