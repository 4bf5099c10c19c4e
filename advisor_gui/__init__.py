"""COR/SECOR Advisor: which safety certification fits a Canadian operation, and why."""

__version__ = "0.1.0"
APP_NAME = "COR/SECOR Advisor"
APP_ID = "ca.corsecor.Advisor"
ORG_NAME = "COR-SECOR Advisor"
ORG_DOMAIN = "corsecor.ca"
