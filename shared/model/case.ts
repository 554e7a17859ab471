export interface Case {
  id: string;
  title: string;
  summary: string;
  createdAt: number;
  updatedAt: number;
}
