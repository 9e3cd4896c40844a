namespace BigDL.Interactive;
